import { CalendarOutlined, EditOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import type { Body } from '@contract';
import { App, Breadcrumb, Button, Card, Descriptions, Result, Skeleton, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { zoned } from '../../lib/time';
import { idParam } from '../../shared/enums';
import { useFeedback } from '../../shared/feedback';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { BodyKindTag, BodyStatusTag } from '../../shared/tags';
import { useIsMobile } from '../../shared/useIsMobile';
import { useBody, useUpdateBody } from './api';
import { BodyFormDrawer, type BodyFormTarget } from './BodyFormDrawer';
import { BodyMembers } from './BodyMembers';
import { MeetingFormDrawer, type MeetingFormTarget } from './MeetingFormDrawer';
import { MeetingTable } from './MeetingTable';
import { useMeetings } from './meetings.api';

function BodyMeetings({ body, canManage }: { body: Body; canManage: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const meetings = useMeetings({ bodyId: body.id, ...paging });
  const [form, setForm] = useState<MeetingFormTarget | null>(null);
  const pagination = {
    current: paging.page,
    pageSize: paging.pageSize,
    total: meetings.data?.total ?? 0,
    showTotal: (total: number) => t('common.total', { total }),
    onChange: (page: number, pageSize: number) =>
      setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
  };
  return (
    <>
      {canManage && body.status === 'active' && (
        <div className="gj-section-bar">
          <span />
          <Button
            type="primary"
            icon={<CalendarOutlined />}
            onClick={() => setForm({ mode: 'create', body })}
            data-testid="meeting-create"
          >
            {t('meetings.create')}
          </Button>
        </div>
      )}
      {meetings.error && <QueryError error={meetings.error} onRetry={() => void meetings.refetch()} />}
      <MeetingTable
        meetings={meetings.data?.items}
        loading={meetings.isFetching}
        pagination={isMobile ? pagination : { ...pagination, size: 'small' }}
        hideBody
      />
      {canManage && (
        <MeetingFormDrawer
          target={form}
          onClose={() => setForm(null)}
          onCreated={(meeting) => navigate(`/meetings/${meeting.id}`)}
        />
      )}
    </>
  );
}

type Tab = 'members' | 'meetings';

/** One joint body: its details, its members over time and its meetings. */
export function BodyPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const id = idParam(useParams().id);
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'meetings' ? 'meetings' : 'members';
  const { data: body, error, refetch } = useBody(id);
  const update = useUpdateBody();
  const [form, setForm] = useState<BodyFormTarget | null>(null);
  const canManage = can('body.manage');
  const dash = t('common.none');

  const notFound = id === undefined || (error instanceof ApiError && error.status === 404);
  if (notFound) {
    return (
      <Result
        status="404"
        title={t('bodies.notFound')}
        extra={
          <Link to="/bodies">
            <Button type="primary">{t('bodies.backToList')}</Button>
          </Link>
        }
      />
    );
  }

  const setDissolved = (dissolved: boolean) => {
    if (!body) return;
    modal.confirm({
      title: dissolved
        ? t('bodies.dissolveTitle', { name: body.name })
        : t('bodies.reviveTitle', { name: body.name }),
      content: dissolved ? t('bodies.dissolveConfirm') : t('bodies.reviveConfirm'),
      okText: dissolved ? t('bodies.dissolve') : t('bodies.revive'),
      okButtonProps: { danger: dissolved, 'data-testid': 'body-dissolve-confirm' },
      onOk: () =>
        update.mutateAsync({ id: body.id, dissolved }).then(
          () =>
            feedback.success(
              dissolved
                ? t('bodies.dissolved', { name: body.name })
                : t('bodies.revived', { name: body.name }),
            ),
          (e: unknown) => feedback.error(e),
        ),
    });
  };

  return (
    <>
      <Breadcrumb
        className="gj-breadcrumb"
        items={[{ title: <Link to="/bodies">{t('nav.bodies')}</Link> }, { title: body?.name ?? '…' }]}
      />
      <PageHeader
        title={body?.name ?? t('bodies.detail')}
        extra={
          body &&
          canManage && (
            <Space wrap>
              <Button
                icon={<EditOutlined />}
                onClick={() => setForm({ mode: 'edit', body })}
                data-testid="body-edit"
              >
                {t('common.edit')}
              </Button>
              {body.status === 'active' ? (
                <Button
                  danger
                  icon={<StopOutlined />}
                  onClick={() => setDissolved(true)}
                  data-testid="body-dissolve"
                >
                  {t('bodies.dissolve')}
                </Button>
              ) : (
                <Button icon={<UndoOutlined />} onClick={() => setDissolved(false)} data-testid="body-revive">
                  {t('bodies.revive')}
                </Button>
              )}
            </Space>
          )
        }
      />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {!body && !error && <Skeleton active />}
      {body && (
        <>
          <Card data-testid="body-detail">
            <Descriptions
              column={{ xs: 1, sm: 2, lg: 3 }}
              size="small"
              items={[
                { key: 'kind', label: t('bodies.kind'), children: <BodyKindTag kind={body.kind} /> },
                { key: 'region', label: t('bodies.region'), children: body.regionLabel },
                {
                  key: 'status',
                  label: t('common.status'),
                  children: <BodyStatusTag status={body.status} />,
                },
                { key: 'convenor', label: t('bodies.convenor'), children: body.convenor?.name ?? dash },
                { key: 'established', label: t('bodies.establishedOn'), children: body.establishedOn },
                ...(body.dissolvedOn
                  ? [{ key: 'dissolved', label: t('bodies.dissolvedOn'), children: body.dissolvedOn }]
                  : []),
                { key: 'members', label: t('bodies.memberCount'), children: body.memberCount },
                { key: 'meetings', label: t('bodies.meetingCount'), children: body.meetingCount },
                {
                  key: 'last',
                  label: t('bodies.lastMeeting'),
                  children: body.lastMeetingAt ? zoned(body.lastMeetingAt).format('YYYY-MM-DD') : dash,
                },
              ]}
            />
          </Card>
          <Card className="gj-section">
            <Tabs
              activeKey={tab}
              onChange={(key) =>
                setParams(
                  (prev) => {
                    const next = new URLSearchParams(prev);
                    if (key === 'members') next.delete('tab');
                    else next.set('tab', key);
                    return next;
                  },
                  { replace: true },
                )
              }
              items={[
                {
                  key: 'members',
                  label: <span data-testid="body-tab-members">{t('bodies.members')}</span>,
                  children: <BodyMembers body={body} canManage={canManage} />,
                },
                {
                  key: 'meetings',
                  label: <span data-testid="body-tab-meetings">{t('bodies.meetings')}</span>,
                  children: <BodyMeetings body={body} canManage={canManage} />,
                },
              ]}
            />
          </Card>
        </>
      )}
      {canManage && <BodyFormDrawer target={form} onClose={() => setForm(null)} />}
    </>
  );
}
