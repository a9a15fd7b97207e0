import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { NOTICE_KINDS, type Notice, type NoticeAudience } from '@contract';
import { App, Breadcrumb, Button, Card, Form, Input, Radio, Result, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { idParam, oneOf } from '../../shared/enums';
import { useFeedback } from '../../shared/feedback';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { CampaignSelect } from '../campaigns';
import { Attachments } from './Attachments';
import { AudienceFields } from './AudienceFields';
import { AudiencePreviewPanel, audienceOf, useLivePreview } from './AudiencePreview';
import {
  type AudiencePreviewData,
  type NewNotice,
  type NoticeKind,
  useCreateNotice,
  useNotice,
  usePublishNotice,
  useUpdateNotice,
} from './api';
import { RichTextEditor } from './RichTextEditor';
import { htmlToText } from './richText';

type Values = {
  kind: NoticeKind;
  title: string;
  body: string;
  audience: Partial<NoticeAudience>;
  campaignId?: number;
};
const FIELDS = ['kind', 'title', 'body', 'audience', 'campaignId'] as const;

const toBody = (values: Values, audience: NoticeAudience): NewNotice => ({
  kind: values.kind,
  title: values.title.trim(),
  body: values.body,
  audience,
  ...(values.campaignId ? { campaignId: values.campaignId } : {}),
});

function Editor({ notice, initial }: { notice?: Notice; initial: Partial<Values> }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const create = useCreateNotice();
  const update = useUpdateNotice();
  const publish = usePublishNotice();
  const [publishing, setPublishing] = useState(false);
  const audienceValues = Form.useWatch('audience', form) ?? initial.audience;
  const kind = Form.useWatch('kind', form) ?? initial.kind;
  const preview = useLivePreview(audienceValues);

  /** Saves the draft (creating it the first time) and answers it. */
  const save = async (values: Values): Promise<Notice> => {
    const audience = audienceOf(values.audience);
    if (!audience) throw new Error('audience');
    const body = toBody(values, audience);
    return notice ? update.mutateAsync({ id: notice.id, ...body }) : create.mutateAsync(body);
  };

  const onSaveDraft = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    try {
      const saved = await save(values);
      feedback.success(t('notices.draftSaved'));
      if (!notice) navigate(`/notices/${saved.id}/edit`, { replace: true });
    } catch (error) {
      feedback.formError(form, error, FIELDS);
    }
  };

  const onPublish = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const audience = audienceOf(values.audience);
    if (!audience) return;
    setPublishing(true);
    let count: number;
    try {
      // The count as it stands now, not as the panel last showed it.
      count = (await api.post<AudiencePreviewData>('/notices/preview', audience)).count;
    } catch (error) {
      feedback.error(error);
      setPublishing(false);
      return;
    }
    setPublishing(false);
    if (count === 0) {
      feedback.warning(t('notices.audience.nobody'));
      return;
    }
    modal.confirm({
      title: t('notices.publishTitle'),
      content: t('notices.publishConfirm', { title: values.title.trim(), count }),
      okText: t('notices.publish'),
      okButtonProps: { 'data-testid': 'notice-publish-confirm' },
      onOk: async () => {
        try {
          const saved = await save(values);
          await publish.mutateAsync(saved.id);
          feedback.success(t('notices.publishing'));
          navigate(`/notices/${saved.id}`);
        } catch (error) {
          feedback.formError(form, error, FIELDS);
        }
      },
    });
  };

  const busy = create.isPending || update.isPending;
  return (
    <>
      <PageHeader
        title={notice ? t('notices.editTitle') : t('notices.create')}
        extra={
          <Space wrap>
            <Button
              icon={<SaveOutlined />}
              onClick={() => void onSaveDraft()}
              loading={busy && !publish.isPending}
              data-testid="notice-save-draft"
            >
              {t('notices.saveDraft')}
            </Button>
            <Button
              type="primary"
              icon={<SendOutlined />}
              onClick={() => void onPublish()}
              loading={publishing || publish.isPending}
              data-testid="notice-publish"
            >
              {t('notices.publish')}
            </Button>
          </Space>
        }
      />
      <Form<Values> form={form} layout="vertical" initialValues={initial} scrollToFirstError>
        <div className="gj-pub-editor-grid">
          <Card className="gj-pub-editor-main">
            <Form.Item name="kind" label={t('notices.kindLabel')} rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={NOTICE_KINDS.map((k) => ({ value: k, label: t(`notices.kind.${k}`) }))}
                data-testid="notice-kind"
              />
            </Form.Item>
            <Form.Item
              name="title"
              label={t('notices.titleLabel')}
              rules={[
                { required: true, whitespace: true, message: t('notices.titleRequired') },
                { min: 2, max: 120 },
              ]}
            >
              <Input
                placeholder={kind ? t(`notices.titlePlaceholder.${kind}`) : undefined}
                data-testid="notice-title"
              />
            </Form.Item>
            <Form.Item
              name="body"
              label={t('notices.bodyLabel')}
              required
              extra={t('notices.bodyHint')}
              rules={[
                {
                  validator: (_, value: string | undefined) =>
                    value && htmlToText(value) !== ''
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('notices.bodyRequired'))),
                },
                {
                  validator: (_, value: string | undefined) =>
                    (value ?? '').length <= 100_000
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('notices.bodyTooLong'))),
                },
              ]}
            >
              <RichTextEditor placeholder={t('notices.bodyPlaceholder')} data-testid="notice-body" />
            </Form.Item>
            <Form.Item name="campaignId" label={t('notices.campaign')} extra={t('notices.campaignHint')}>
              <CampaignSelect data-testid="notice-campaign" />
            </Form.Item>
            {notice ? (
              <Attachments notice={notice} editable />
            ) : (
              <Typography.Text type="secondary">{t('notices.attachments.afterSave')}</Typography.Text>
            )}
          </Card>
          <div className="gj-pub-editor-side">
            <Card size="small" title={t('notices.audience.title')}>
              <AudienceFields />
            </Card>
            <Card size="small" title={t('notices.audience.previewTitle')} className="gj-section">
              <AudiencePreviewPanel preview={preview} hasRegion={!!audienceValues?.regionId} />
            </Card>
          </div>
        </div>
      </Form>
      <Typography.Paragraph type="secondary" className="gj-section gj-pub-small">
        {t('notices.publishNote')}
      </Typography.Paragraph>
    </>
  );
}

/** Writing a notice, an open letter or a policy explainer: its words, who gets it, and the live count. */
export function NoticeEditorPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const params = useParams();
  const [search] = useSearchParams();
  const id = idParam(params.id);
  const editing = params.id !== undefined;
  const { data: notice, error, refetch } = useNotice(editing ? id : undefined);

  const breadcrumb = (
    <Breadcrumb
      className="gj-breadcrumb"
      items={[
        { title: <Link to="/notices">{t('nav.notices')}</Link> },
        ...(notice ? [{ title: <Link to={`/notices/${notice.id}`}>{notice.title}</Link> }] : []),
        { title: editing ? t('notices.editTitle') : t('notices.create') },
      ]}
    />
  );

  if (editing && (id === undefined || (error instanceof ApiError && error.status === 404))) {
    return (
      <Result
        status="404"
        title={t('notices.notFound')}
        extra={
          <Link to="/notices">
            <Button type="primary">{t('notices.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  if (editing && error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (editing && !notice) return <Skeleton active />;
  if (notice && notice.status !== 'draft') {
    return (
      <>
        {breadcrumb}
        <Result
          status="info"
          title={t('notices.notEditable')}
          extra={
            <Link to={`/notices/${notice.id}`}>
              <Button type="primary">{t('notices.openNotice')}</Button>
            </Link>
          }
        />
      </>
    );
  }

  const campaignId = idParam(search.get('campaignId') ?? undefined);
  const initial: Partial<Values> = notice
    ? {
        kind: notice.kind,
        title: notice.title,
        body: notice.body,
        audience: notice.audience,
        campaignId: notice.campaignId ?? undefined,
      }
    : {
        kind: oneOf(NOTICE_KINDS, search.get('kind') ?? undefined) ?? 'notice',
        body: '',
        // The writer's own area to start from.
        audience: {
          regionId: idParam(search.get('regionId') ?? undefined) ?? me.roles[0]?.regionId,
          partyOnly: false,
          unitContacts: false,
        },
        campaignId,
      };

  return (
    <>
      {breadcrumb}
      <Editor key={notice?.id ?? 'new'} notice={notice} initial={initial} />
    </>
  );
}
