import { FlagFilled, SoundOutlined } from '@ant-design/icons';
import type { Team, TeamMemberStatus } from '@contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth';
import { useSpecialtyLabel } from '../../shared/specialties';
import { type TeamMemberRole, useSpecialtyColor } from './api';

const ROLE_COLOR: Record<TeamMemberRole, string> = { leader: 'red', backbone: 'volcano', member: 'default' };

const STATUS_COLOR: Record<TeamMemberStatus, string> = {
  applied: 'gold',
  invited: 'blue',
  active: 'success',
  declined: 'error',
  left: 'default',
};

/** A team's specialty, in the same colour wherever it shows. */
export function TeamSpecialtyTag({ code }: { code: string }) {
  const specialtyColor = useSpecialtyColor();
  const label = useSpecialtyLabel();
  return (
    <Tag color={specialtyColor(code)} data-specialty={code}>
      {label(code)}
    </Tag>
  );
}

export function TeamRoleTag({ role }: { role: TeamMemberRole }) {
  const { t } = useTranslation();
  return (
    <Tag color={ROLE_COLOR[role]} data-role={role}>
      {t(`teams.role.${role}`)}
    </Tag>
  );
}

export function TeamMemberStatusTag({ status }: { status: TeamMemberStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-status={status}>
      {t(`teams.memberStatus.${status}`)}
    </Tag>
  );
}

/** "党员": a Party member among a team's members or the suggested people. */
export function PartyBadge() {
  const { t } = useTranslation();
  return (
    <Tag color="red" icon={<FlagFilled />} className="gj-party-badge">
      {t('teams.party')}
    </Tag>
  );
}

export function RecruitingTag({ team }: { team: Pick<Team, 'recruiting'> }) {
  const { t } = useTranslation();
  if (!team.recruiting) return null;
  return (
    <Tag color="green" icon={<SoundOutlined />} data-testid="team-recruiting">
      {t('teams.recruiting')}
    </Tag>
  );
}

/** The reader's own standing in a team: 我是队长, 已加入, 已申请, 受邀 (nothing when none). */
export function MyStandingTag({ team }: { team: Pick<Team, 'myStatus' | 'leader'> }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  if (team.leader !== null && team.leader.id === me.user.personId) {
    return (
      <Tag color="red" data-testid="team-my-status" data-status="leader">
        {t('teams.mine.leading')}
      </Tag>
    );
  }
  if (!team.myStatus || team.myStatus === 'declined' || team.myStatus === 'left') return null;
  return (
    <Tag color={STATUS_COLOR[team.myStatus]} data-testid="team-my-status" data-status={team.myStatus}>
      {t(`teams.mine.${team.myStatus}`)}
    </Tag>
  );
}
