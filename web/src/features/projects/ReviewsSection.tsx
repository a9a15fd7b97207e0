import { SendOutlined } from '@ant-design/icons';
import { Button, Form, Input, Rate, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { zoned } from '../../lib/time';
import { useFeedback } from '../../shared/feedback';
import { PlainList } from '../../shared/PlainList';
import { type ProjectDetailData, useReviewProject } from './api';

type Values = { rating: number; comment?: string };

function ReviewForm({ project }: { project: ProjectDetailData }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const review = useReviewProject();
  const feedback = useFeedback();
  const onFinish = (values: Values) =>
    review.mutate(
      { id: project.id, rating: values.rating, comment: (values.comment ?? '').trim() },
      {
        onSuccess: () => {
          feedback.success(t('reviews.thanks'));
          form.resetFields();
        },
        onError: (error) => feedback.formError(form, error, ['rating', 'comment']),
      },
    );
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      className="gj-section"
      data-testid="review-form"
    >
      <Form.Item
        name="rating"
        label={t('reviews.rating')}
        rules={[{ required: true, message: t('reviews.ratingRequired') }]}
      >
        <Rate className="gj-rate" data-testid="review-rating" />
      </Form.Item>
      <Form.Item name="comment" label={t('reviews.comment')} rules={[{ max: 1000 }]}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={1000}
          placeholder={t('reviews.commentPlaceholder')}
          data-testid="review-comment"
        />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        icon={<SendOutlined />}
        loading={review.isPending}
        data-testid="review-submit"
      >
        {t('reviews.submit')}
      </Button>
    </Form>
  );
}

/** Residents' ratings of a finished project, and a form for those who have not rated it yet. */
export function ReviewsSection({ project }: { project: ProjectDetailData }) {
  const { t } = useTranslation();
  return (
    <div data-testid="reviews">
      <PlainList
        items={project.reviews}
        rowKey={(r) => r.id}
        empty={project.status === 'done' ? t('reviews.emptyDone') : t('reviews.empty')}
        render={(r) => (
          <div className="gj-card-row" data-testid={`review-${r.id}`}>
            <div className="gj-card-row-head">
              <strong>{r.person.name}</strong>
              <Rate disabled value={r.rating} className="gj-rate-small" />
            </div>
            {r.comment && <span className="gj-prewrap">{r.comment}</span>}
            <Typography.Text type="secondary">{zoned(r.at).format('YYYY-MM-DD HH:mm')}</Typography.Text>
          </div>
        )}
      />
      {project.can.review && <ReviewForm project={project} />}
    </div>
  );
}
