import { Drawer, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { zoned } from '../../lib/time';
import { PlainList } from '../../shared/PlainList';
import { useIsMobile } from '../../shared/useIsMobile';
import { useLastDefined } from '../../shared/useLastDefined';
import { InvitationStatusTag } from './InvitationStatusTag';
import { type InvitationTarget, useInvitations } from './invitations.api';
import { SuggestionPanel } from './SuggestionPanel';

/** A project role or a dedication-day task to find people for, with what to call it. */
export type SuggestionDrawerTarget = InvitationTarget & { title: string };

/** Who was invited already, and how they answered. */
function SentInvitations({ target }: { target: InvitationTarget }) {
  const { t } = useTranslation();
  const sent = useInvitations({ ...target, page: 1, pageSize: 200 });
  const items = sent.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="gj-section" data-testid="suggestions-sent">
      <Typography.Title level={5}>{t('suggestions.sentTitle', { count: items.length })}</Typography.Title>
      <PlainList
        items={items}
        rowKey={(i) => i.id}
        empty={t('common.empty')}
        render={(i) => (
          <div className="gj-card-row-head" data-testid={`sent-invitation-${i.id}`}>
            <span className="gj-stack">
              <strong>{i.person.name}</strong>
              <Typography.Text type="secondary">
                {t('suggestions.sentBy', { by: i.invitedBy, at: zoned(i.createdAt).format('MM-DD HH:mm') })}
              </Typography.Text>
            </span>
            <InvitationStatusTag status={i.status} />
          </div>
        )}
      />
    </section>
  );
}

/** "推荐人选" for a project role or a dedication-day task: suggestions, then those invited. */
export function SuggestionDrawer({
  target,
  onClose,
}: {
  target: SuggestionDrawerTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const shown = useLastDefined(target);
  const invitationTarget: InvitationTarget | undefined = shown
    ? 'roleId' in shown
      ? { roleId: shown.roleId }
      : { taskId: shown.taskId }
    : undefined;
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={
        <span className="gj-stack">
          <span>{t('suggestions.title')}</span>
          {shown && (
            <Typography.Text type="secondary" className="gj-drawer-subtitle">
              {shown.title}
            </Typography.Text>
          )}
        </span>
      }
      size={isMobile ? '100%' : 520}
      destroyOnHidden
    >
      {invitationTarget && (
        <>
          <SuggestionPanel target={invitationTarget} />
          <SentInvitations target={invitationTarget} />
        </>
      )}
    </Drawer>
  );
}
