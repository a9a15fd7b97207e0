import type { Invitation } from '@contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOR: Record<Invitation['status'], string> = {
  pending: 'blue',
  accepted: 'success',
  declined: 'default',
};

/** 待答复, 已接受, 已婉拒. */
export function InvitationStatusTag({ status }: { status: Invitation['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status]} data-status={status}>
      {t(`invitations.status.${status}`)}
    </Tag>
  );
}

/** 项目岗位 or 奉献日任务. */
export function InvitationKindTag({ kind }: { kind: Invitation['kind'] }) {
  const { t } = useTranslation();
  return <Tag color={kind === 'role' ? 'geekblue' : 'purple'}>{t(`invitations.kind.${kind}`)}</Tag>;
}
