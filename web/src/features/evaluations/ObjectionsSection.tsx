import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { type Evaluation, OBJECTION_STATUSES, type Objection } from '@contract';
import { Button, Card, Form, Input, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmSheet } from '../../shared/ConfirmSheet';
import { useFeedback } from '../../shared/feedback';
import { PagedList } from '../../shared/PagedList';
import { QueryError } from '../../shared/QueryError';
import { TableEmpty } from '../../shared/TableEmpty';
import { useIsMobile } from '../../shared/useIsMobile';
import { useLastDefined } from '../../shared/useLastDefined';
import { type ObjectionStatus, useHandleObjection, useObjections } from './api';
import { atTime, ObjectionStatusTag } from './EvaluationParts';

const PAGE_SIZE = 20;
const MAX_RESPONSE = 1000;

type Answer = { objection: Objection; decision: 'upheld' | 'dismissed' };

/** The district answers an objection; upheld takes the nominee off the shortlist. */
function AnswerSheet({
  evaluationId,
  answer,
  onClose,
}: {
  evaluationId: number;
  answer: Answer | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ response: string }>();
  const handle = useHandleObjection();
  const feedback = useFeedback();
  const shown = useLastDefined(answer);
  const upholding = shown?.decision === 'upheld';

  const submit = async () => {
    if (!answer) return;
    const { response } = await form.validateFields();
    const { objection: o, decision } = answer;
    handle.mutate(
      { id: evaluationId, objectionId: o.id, decision, response: response.trim() },
      {
        onSuccess: () => {
          feedback.success(
            t(decision === 'upheld' ? 'evaluations.upheldDone' : 'evaluations.dismissedDone', {
              name: o.subject.name,
            }),
          );
          form.resetFields();
          onClose();
        },
        onError: (error) => feedback.formError(form, error, ['response']),
      },
    );
  };

  return (
    <ConfirmSheet
      open={answer !== null}
      onClose={onClose}
      title={t(upholding ? 'evaluations.upholdTitle' : 'evaluations.dismissTitle', {
        name: shown?.objection.subject.name ?? '',
      })}
      okText={t(upholding ? 'evaluations.uphold' : 'evaluations.dismiss')}
      okIcon={upholding ? <CheckOutlined /> : <CloseOutlined />}
      onOk={() => void submit().catch(() => undefined)}
      loading={handle.isPending}
      okTestId="objection-submit"
    >
      {shown && (
        <div className="gj-stack gj-gap" data-testid="objection-sheet" data-decision={shown.decision}>
          <Typography.Paragraph className="gj-prewrap gj-no-margin" ellipsis={{ rows: 5, expandable: true }}>
            {shown.objection.reason}
          </Typography.Paragraph>
          <Typography.Text type={upholding ? 'warning' : 'secondary'}>
            {t(upholding ? 'evaluations.upholdHint' : 'evaluations.dismissHint')}
          </Typography.Text>
          <Form form={form} layout="vertical">
            <Form.Item
              name="response"
              label={t('evaluations.objectionResponse')}
              rules={[
                { required: true, whitespace: true, message: t('evaluations.objectionResponseRequired') },
                { min: 2, max: MAX_RESPONSE },
              ]}
            >
              <Input.TextArea
                rows={3}
                maxLength={MAX_RESPONSE}
                showCount
                placeholder={t('evaluations.objectionResponsePlaceholder')}
                data-testid="objection-response"
              />
            </Form.Item>
          </Form>
        </div>
      )}
    </ConfirmSheet>
  );
}

/**
 * Objections raised during the public notice, with who raised them (reviewers only): each
 * answered 采纳 (upheld: the nominee leaves the shortlist) or 不采纳, with a response.
 */
export function ObjectionsSection({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [status, setStatus] = useState<ObjectionStatus | undefined>();
  const [page, setPage] = useState(1);
  const objections = useObjections(evaluation.id, { status, page, pageSize: PAGE_SIZE }, true);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const items = objections.data?.items;
  const none = t('common.none');
  const answering = evaluation.status === 'notice';

  const actionsOf = (o: Objection) =>
    o.can.answer ? (
      <Space wrap>
        <Button
          size="small"
          danger
          icon={<CheckOutlined />}
          onClick={() => setAnswer({ objection: o, decision: 'upheld' })}
          data-testid={`objection-uphold-${o.id}`}
        >
          {t('evaluations.uphold')}
        </Button>
        <Button
          size="small"
          icon={<CloseOutlined />}
          onClick={() => setAnswer({ objection: o, decision: 'dismissed' })}
          data-testid={`objection-dismiss-${o.id}`}
        >
          {t('evaluations.dismiss')}
        </Button>
      </Space>
    ) : null;

  const raised = (o: Objection) =>
    t('evaluations.raisedBy', { by: o.raisedBy ?? none, at: atTime(o.raisedAt, none) });

  const responseCell = (o: Objection) =>
    o.response ? (
      <span className="gj-stack">
        <span className="gj-prewrap">{o.response}</span>
        <Typography.Text type="secondary">{atTime(o.handledAt, none)}</Typography.Text>
      </span>
    ) : (
      <Typography.Text type="secondary">{t('evaluations.notAnswered')}</Typography.Text>
    );

  const columns: TableColumnsType<Objection> = [
    {
      title: t('evaluations.objectionAbout'),
      key: 'subject',
      width: 120,
      render: (_, o) => <strong>{o.subject.name}</strong>,
    },
    {
      title: t('evaluations.objectionReason'),
      dataIndex: 'reason',
      width: 260,
      render: (_, o) => (
        <span className="gj-stack">
          <Typography.Paragraph className="gj-prewrap gj-no-margin" ellipsis={{ rows: 3, expandable: true }}>
            {o.reason}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{raised(o)}</Typography.Text>
        </span>
      ),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 90,
      render: (_, o) => <ObjectionStatusTag status={o.status} />,
    },
    {
      title: t('evaluations.objectionResponse'),
      key: 'response',
      width: 240,
      render: (_, o) => responseCell(o),
    },
    ...(answering
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            render: (_: unknown, o: Objection) => actionsOf(o),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      className="gj-section"
      title={t('evaluations.objectionsTitle')}
      data-testid="objections-section"
    >
      <Typography.Paragraph type="secondary">{t('evaluations.objectionsHint')}</Typography.Paragraph>
      <div className="gj-toolbar">
        <Select<ObjectionStatus>
          className="gj-toolbar-select"
          allowClear
          placeholder={t('evaluations.allObjectionStatuses')}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          options={OBJECTION_STATUSES.map((s) => ({
            value: s,
            label: t(`evaluations.objectionStatus.${s}`),
          }))}
          data-testid="objection-status-filter"
        />
      </div>
      {objections.error && <QueryError error={objections.error} onRetry={() => void objections.refetch()} />}
      {isMobile ? (
        <PagedList
          items={items}
          loading={objections.isFetching}
          testId="objections"
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: objections.data?.total ?? 0,
            onChange: setPage,
          }}
          rowKey={(o) => o.id}
          empty={t('evaluations.objectionsEmpty')}
          render={(o) => (
            <div className="gj-card-row" data-testid={`objection-row-${o.id}`} data-status={o.status}>
              <div className="gj-card-row-head">
                <strong>{o.subject.name}</strong>
                <ObjectionStatusTag status={o.status} />
              </div>
              <Typography.Paragraph
                className="gj-prewrap gj-no-margin"
                ellipsis={{ rows: 4, expandable: true }}
              >
                {o.reason}
              </Typography.Paragraph>
              <Typography.Text type="secondary">{raised(o)}</Typography.Text>
              {o.response && (
                <span>
                  <Typography.Text type="secondary">{t('evaluations.objectionResponse')}</Typography.Text>{' '}
                  <span className="gj-prewrap">{o.response}</span>
                </span>
              )}
              {actionsOf(o)}
            </div>
          )}
        />
      ) : (
        <Table<Objection>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={objections.isFetching}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: objections.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { total }),
          }}
          scroll={{ x: 880 }}
          onRow={(o) =>
            ({
              'data-testid': `objection-row-${o.id}`,
              'data-status': o.status,
            }) as HTMLAttributes<HTMLElement>
          }
          locale={{ emptyText: <TableEmpty text={t('evaluations.objectionsEmpty')} /> }}
          data-testid="objections"
        />
      )}
      <AnswerSheet evaluationId={evaluation.id} answer={answer} onClose={() => setAnswer(null)} />
    </Card>
  );
}
