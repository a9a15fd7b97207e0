import {
  CheckOutlined,
  ClockCircleOutlined,
  CloseOutlined,
  EnvironmentOutlined,
  HeartOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { TimeRequest } from '@contract';
import {
  Button,
  Pagination,
  type PaginationProps,
  Skeleton,
  Spin,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { zoned } from '../../lib/time';
import { PlainList } from '../../shared/PlainList';
import { TableEmpty } from '../../shared/TableEmpty';
import { useIsMobile } from '../../shared/useIsMobile';
import { formatQuantity } from '../ledger';
import { mayCancel, mayComplete, mayOffer, type TimeRequestAction } from './api';
import { TimeRequestSideTag, TimeRequestStatusTag } from './TimeRequestTags';

export type RequestActionTarget = { request: TimeRequest; action: TimeRequestAction };

const when = (at: string) => zoned(at).format('YYYY-MM-DD HH:mm');

/** "2 小时". */
export function Hours({ hours }: { hours: number }) {
  const { t } = useTranslation();
  return <span className="gj-quantity">{t('timeBank.hours', { value: formatQuantity(hours) })}</span>;
}

/** What the reader may do with a request, and nothing else. */
function RequestButtons({
  request: q,
  personId,
  onAction,
  large,
}: {
  request: TimeRequest;
  personId: number | null;
  onAction: (target: RequestActionTarget) => void;
  large?: boolean;
}) {
  const { t } = useTranslation();
  const size = large ? 'large' : 'small';
  const buttons = [
    mayOffer(q, personId) && (
      <Button
        key="offer"
        type="primary"
        size={size}
        icon={<HeartOutlined />}
        onClick={() => onAction({ request: q, action: 'offer' })}
        data-testid={`timebank-offer-${q.id}`}
      >
        {t('timeBank.offer')}
      </Button>
    ),
    mayComplete(q, personId) && (
      <Button
        key="complete"
        type="primary"
        size={size}
        icon={<CheckOutlined />}
        onClick={() => onAction({ request: q, action: 'complete' })}
        data-testid={`timebank-complete-${q.id}`}
      >
        {t('timeBank.complete')}
      </Button>
    ),
    mayCancel(q, personId) && (
      <Button
        key="cancel"
        size={size}
        icon={<CloseOutlined />}
        onClick={() => onAction({ request: q, action: 'cancel' })}
        data-testid={`timebank-cancel-${q.id}`}
      >
        {t('timeBank.cancel')}
      </Button>
    ),
  ].filter(Boolean);
  if (buttons.length === 0) return null;
  return <div className={large ? 'gj-invitation-actions' : 'gj-inline'}>{buttons}</div>;
}

/** Where the request stands, said from the reader's side. */
function Progress({ request: q, personId }: { request: TimeRequest; personId: number | null }) {
  const { t } = useTranslation();
  const asked = q.asker.id === personId;
  const hours = formatQuantity(q.hours);
  if (q.status === 'accepted' && q.helper) {
    return asked ? (
      <Typography.Text type="warning">
        {t('timeBank.awaitingMyConfirm', { name: q.helper.name })}
      </Typography.Text>
    ) : (
      <Typography.Text type="secondary">
        {q.helper.id === personId
          ? t('timeBank.awaitingTheirConfirm', { name: q.asker.name, hours })
          : t('timeBank.helpedBy', { name: q.helper.name })}
      </Typography.Text>
    );
  }
  if (q.status === 'done' && q.helper) {
    return (
      <Typography.Text type="success">
        {t(asked ? 'timeBank.paidTo' : 'timeBank.paidBy', {
          name: asked ? q.helper.name : q.asker.name,
          hours,
          at: q.doneAt ? when(q.doneAt) : '',
        })}
      </Typography.Text>
    );
  }
  if (q.status === 'open' && asked) {
    return <Typography.Text type="secondary">{t('timeBank.waitingForHelp', { hours })}</Typography.Text>;
  }
  return null;
}

function SideTag({ request: q, personId }: { request: TimeRequest; personId: number | null }) {
  if (personId === null) return null;
  if (q.asker.id === personId) return <TimeRequestSideTag side="asked" />;
  if (q.helper?.id === personId) return <TimeRequestSideTag side="helped" />;
  return null;
}

/** A request as a card row on a phone. */
function RequestRow({
  request: q,
  personId,
  onAction,
}: {
  request: TimeRequest;
  personId: number | null;
  onAction: (target: RequestActionTarget) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="gj-card-row" data-testid={`timebank-request-${q.id}`} data-status={q.status}>
      <div className="gj-card-row-head">
        <strong>{q.title}</strong>
        <TimeRequestStatusTag status={q.status} />
      </div>
      {q.description && (
        <Typography.Paragraph className="gj-prewrap gj-no-margin" ellipsis={{ rows: 3, expandable: true }}>
          {q.description}
        </Typography.Paragraph>
      )}
      <Typography.Text type="secondary" className="gj-inline">
        <SideTag request={q} personId={personId} />
        <span>
          <ClockCircleOutlined /> <Hours hours={q.hours} />
        </span>
        {q.asker.id !== personId && (
          <span>
            <UserOutlined /> {t('timeBank.askedBy', { name: q.asker.name })}
          </span>
        )}
        <span>
          <EnvironmentOutlined /> {q.communityName}
        </span>
        <span>{when(q.createdAt)}</span>
      </Typography.Text>
      <Progress request={q} personId={personId} />
      <RequestButtons request={q} personId={personId} onAction={onAction} large />
    </div>
  );
}

type Props = {
  requests: TimeRequest[] | undefined;
  loading: boolean;
  empty: string;
  personId: number | null;
  pagination: PaginationProps;
  onAction: (target: RequestActionTarget) => void;
  testId: string;
};

/** Requests: card rows on a phone, a table on a desktop. */
export function RequestList({ requests, loading, empty, personId, pagination, onAction, testId }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();

  if (isMobile) {
    if (loading && !requests) return <Skeleton active />;
    return (
      <Spin spinning={loading}>
        <div data-testid={testId}>
          <PlainList
            items={requests ?? []}
            rowKey={(q) => q.id}
            empty={empty}
            render={(q) => <RequestRow request={q} personId={personId} onAction={onAction} />}
          />
        </div>
        {(pagination.total ?? 0) > (pagination.pageSize ?? 0) && (
          <Pagination className="gj-card-pagination" size="small" simple {...pagination} />
        )}
      </Spin>
    );
  }

  const columns: TableColumnsType<TimeRequest> = [
    {
      title: t('timeBank.request'),
      key: 'title',
      render: (_, q) => (
        <span className="gj-stack">
          <span className="gj-inline">
            <strong>{q.title}</strong>
            <SideTag request={q} personId={personId} />
          </span>
          {q.description && (
            <Typography.Paragraph
              className="gj-prewrap gj-no-margin"
              ellipsis={{ rows: 2, expandable: true }}
            >
              {q.description}
            </Typography.Paragraph>
          )}
          <Typography.Text type="secondary" className="gj-inline">
            <span>
              <EnvironmentOutlined /> {q.communityName}
            </span>
            <span>{when(q.createdAt)}</span>
          </Typography.Text>
          <Progress request={q} personId={personId} />
        </span>
      ),
    },
    {
      title: t('timeBank.hoursColumn'),
      key: 'hours',
      width: 90,
      render: (_, q) => <Hours hours={q.hours} />,
    },
    {
      title: t('timeBank.people'),
      key: 'people',
      width: 150,
      render: (_, q) => (
        <span className="gj-stack">
          <span>
            <UserOutlined /> {q.asker.name}
          </span>
          {q.helper && (
            <Typography.Text type="secondary">
              <HeartOutlined /> {q.helper.name}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t('common.status'),
      key: 'status',
      width: 110,
      render: (_, q) => <TimeRequestStatusTag status={q.status} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      render: (_, q) => <RequestButtons request={q} personId={personId} onAction={onAction} />,
    },
  ];

  return (
    <Table<TimeRequest>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={requests}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 860 }}
      onRow={(q) =>
        ({
          'data-testid': `timebank-request-${q.id}`,
          'data-status': q.status,
        }) as HTMLAttributes<HTMLElement>
      }
      locale={{ emptyText: <TableEmpty text={empty} /> }}
      data-testid={testId}
    />
  );
}
