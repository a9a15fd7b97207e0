import { SendOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Pagination, Skeleton, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth';
import { type Dayjs, day, zoned } from '../../lib/time';
import type { NeedCategory } from '../../shared/enums';
import { useFeedback } from '../../shared/feedback';
import { PageHeader } from '../../shared/PageHeader';
import { PlainList } from '../../shared/PlainList';
import { QueryError } from '../../shared/QueryError';
import { NeedCategoryTag, NeedStatusTag } from '../../shared/tags';
import { useMember } from '../members';
import { useNeeds, useRaiseNeed } from './api';
import { CategoryPicker } from './CategoryPicker';
import { NeedLink } from './NeedLink';
import { NeedOutcome } from './NeedOutcome';

type Values = {
  title: string;
  category: NeedCategory;
  description?: string;
  place?: string;
  wantedBy?: Dayjs | null;
};
const FIELDS = ['title', 'category', 'description', 'place', 'wantedBy'] as const;
const DAY = 'YYYY-MM-DD';

function RaiseForm() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [form] = Form.useForm<Values>();
  const raise = useRaiseNeed();
  const feedback = useFeedback();
  // The need goes to the community of the resident's home.
  const member = useMember(me.user.personId ?? undefined);

  const onFinish = (values: Values) => {
    const place = values.place?.trim();
    raise.mutate(
      {
        title: values.title.trim(),
        category: values.category,
        description: (values.description ?? '').trim(),
        place: place || undefined,
        wantedBy: values.wantedBy?.format(DAY),
      },
      {
        onSuccess: (need) => {
          feedback.success(t('myNeeds.submitted', { community: need.communityName }));
          form.resetFields();
        },
        onError: (error) => feedback.formError(form, error, FIELDS),
      },
    );
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} scrollToFirstError>
      <Form.Item
        name="title"
        label={t('needs.title')}
        rules={[
          { required: true, whitespace: true, message: t('needs.titleRequired') },
          { min: 2, max: 100 },
        ]}
      >
        <Input size="large" placeholder={t('myNeeds.titlePlaceholder')} data-testid="need-title" />
      </Form.Item>
      <Form.Item
        name="category"
        label={t('needs.category')}
        rules={[{ required: true, message: t('needs.categoryRequired') }]}
      >
        <CategoryPicker />
      </Form.Item>
      <Form.Item name="description" label={t('needs.description')} rules={[{ max: 2000 }]}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={2000}
          placeholder={t('myNeeds.descriptionPlaceholder')}
          data-testid="need-description"
        />
      </Form.Item>
      <div className="gj-form-pair">
        <Form.Item name="place" label={t('needs.place')} rules={[{ max: 100 }]}>
          <Input placeholder={t('myNeeds.placePlaceholder')} data-testid="need-place" />
        </Form.Item>
        <Form.Item name="wantedBy" label={t('needs.wantedBy')}>
          <DatePicker
            className="gj-fill"
            inputReadOnly
            disabledDate={(d) => d.isBefore(day(), 'day')}
            data-testid="need-wanted-by"
          />
        </Form.Item>
      </div>
      {member.data && (
        <Typography.Paragraph type="secondary">
          {t('myNeeds.goesTo', { community: member.data.homeCommunityName })}
        </Typography.Paragraph>
      )}
      <Button
        type="primary"
        size="large"
        block
        htmlType="submit"
        icon={<SendOutlined />}
        loading={raise.isPending}
        data-testid="need-submit"
      >
        {t('myNeeds.submit')}
      </Button>
    </Form>
  );
}

function MyNeeds() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const needs = useNeeds({ mine: 'true', page, pageSize: 10 });
  if (needs.error) return <QueryError error={needs.error} onRetry={() => void needs.refetch()} />;
  if (!needs.data) return <Skeleton active />;
  return (
    <Spin spinning={needs.isFetching}>
      <div data-testid="my-needs">
        <PlainList
          items={needs.data.items}
          rowKey={(n) => n.id}
          empty={t('myNeeds.empty')}
          render={(n) => (
            <div className="gj-card-row" data-testid={`my-need-${n.id}`} data-status={n.status}>
              <div className="gj-card-row-head">
                <NeedLink need={n} />
                <NeedStatusTag status={n.status} />
              </div>
              <span className="gj-inline">
                <NeedCategoryTag category={n.category} />
                <Typography.Text type="secondary">
                  {n.communityName} · {zoned(n.createdAt).format(DAY)}
                </Typography.Text>
              </span>
              <NeedOutcome need={n} />
            </div>
          )}
        />
        {needs.data.total > 10 && (
          <Pagination
            className="gj-card-pagination"
            size="small"
            current={page}
            pageSize={10}
            total={needs.data.total}
            onChange={setPage}
          />
        )}
      </div>
    </Spin>
  );
}

/** A resident asks for help (微心愿); made for a phone. */
export function MyNeedsPage() {
  const { t } = useTranslation();
  return (
    <div className="gj-narrow">
      <PageHeader title={t('nav.myNeeds')} />
      <Card size="small">
        <Typography.Paragraph type="secondary">{t('myNeeds.intro')}</Typography.Paragraph>
        <RaiseForm />
      </Card>
      <Card size="small" className="gj-section" title={t('myNeeds.mine')}>
        <MyNeeds />
      </Card>
    </div>
  );
}
