import {
  CheckOutlined,
  CrownOutlined,
  EnvironmentOutlined,
  SendOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Team } from '@contract';
import { Button, Empty, Skeleton, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../lib/auth';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { useSpecialties, useSpecialtyLabel } from '../../shared/specialties';
import { useListParams } from '../../shared/useListParams';
import { ApplySheet } from './ApplySheet';
import { useSpecialtyColor, useTeams } from './api';
import { MemberCount } from './TeamList';
import { TeamSpecialtyTag } from './TeamTags';

const FILTER_KEYS = ['specialty'] as const;
const PAGE = 10;
/** Recruiting teams read at once to tell which specialties have any, and how many. */
const COUNT_LIMIT = 200;

/** The one button of a card: apply, or where the reader already stands. */
function CardAction({ team, onApply }: { team: Team; onApply: () => void }) {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const navigate = useNavigate();
  const open = () => navigate(`/teams/${team.id}`);
  const big = { size: 'large' as const, block: true };
  if (team.myStatus === 'active') {
    const leading = team.leader?.id === me.user.personId;
    return (
      <Button {...big} icon={<CheckOutlined />} onClick={open} data-testid={`find-team-open-${team.id}`}>
        {t(leading ? 'teams.find.leading' : 'teams.find.joined')}
      </Button>
    );
  }
  if (team.myStatus === 'applied') {
    return (
      <Button {...big} disabled data-testid={`find-team-applied-${team.id}`}>
        {t('teams.appliedWaiting')}
      </Button>
    );
  }
  if (team.myStatus === 'invited') {
    return (
      <Button {...big} type="primary" onClick={open} data-testid={`find-team-open-${team.id}`}>
        {t('teams.find.answerInvitation')}
      </Button>
    );
  }
  if (!can('team.join') || me.user.personId === null) {
    return (
      <Button {...big} onClick={open} data-testid={`find-team-open-${team.id}`}>
        {t('common.view')}
      </Button>
    );
  }
  return (
    <Button
      {...big}
      type="primary"
      icon={<SendOutlined />}
      onClick={onApply}
      data-testid={`find-team-apply-${team.id}`}
    >
      {t('teams.apply')}
    </Button>
  );
}

function FindCard({ team, near, onApply }: { team: Team; near: boolean; onApply: () => void }) {
  const specialtyColor = useSpecialtyColor();
  const { t } = useTranslation();
  return (
    <div
      className="gj-team-find-card"
      style={{ borderLeftColor: specialtyColor(team.specialty) }}
      data-testid={`find-team-${team.id}`}
    >
      <div className="gj-card-row-head">
        <Link to={`/teams/${team.id}`} className="gj-strong-link">
          {team.name}
        </Link>
        <TeamSpecialtyTag code={team.specialty} />
      </div>
      <Typography.Text type="secondary" className="gj-inline">
        <span>
          <EnvironmentOutlined /> {team.regionName}
        </span>
        {near && <Tag color="green">{t('teams.find.myCommunity')}</Tag>}
      </Typography.Text>
      <Typography.Text type="secondary" className="gj-inline">
        <span>
          <CrownOutlined /> {team.leader?.name ?? t('teams.noLeader')}
        </span>
        <span>
          <TeamOutlined /> <MemberCount team={team} />
        </span>
      </Typography.Text>
      {team.recruitment && (
        <Typography.Paragraph className="gj-team-find-post gj-no-margin" ellipsis={{ rows: 3 }}>
          {team.recruitment}
        </Typography.Paragraph>
      )}
      <CardAction team={team} onApply={onApply} />
    </div>
  );
}

/** On a phone: pick a specialty, see recruiting teams near home first, apply in two taps. */
export function FindTeamPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const list = useListParams(FILTER_KEYS);
  const label = useSpecialtyLabel();
  const specialties = useSpecialties();
  const specialty = list.filters.specialty;
  const [pageSize, setPageSize] = useState(PAGE);
  const [applying, setApplying] = useState<Team | null>(null);
  // Without a region the server puts the reader's own community first, then their street's.
  const teams = useTeams({ recruiting: 'true', specialty, page: 1, pageSize });
  const all = useTeams({ recruiting: 'true', page: 1, pageSize: COUNT_LIMIT });
  const homeRegions = new Set(me.roles.map((r) => r.regionId));

  const counts = new Map<string, number>();
  for (const team of all.data?.items ?? []) counts.set(team.specialty, (counts.get(team.specialty) ?? 0) + 1);
  const complete = all.data !== undefined && all.data.total <= all.data.items.length;
  // Only the specialties some recruiting team has (all of them when the count is partial).
  const chips = (specialties.data ?? [])
    .map((s) => s.code)
    .filter((code) => !complete || counts.has(code) || code === specialty);

  const choose = (code: string | undefined) => {
    setPageSize(PAGE);
    list.setFilters({ specialty: code });
  };

  return (
    <div className="gj-narrow">
      <PageHeader title={t('nav.findTeam')} />
      <Typography.Paragraph type="secondary">{t('teams.find.intro')}</Typography.Paragraph>
      <div className="gj-team-spec-chips" data-testid="find-team-specialties">
        <Tag.CheckableTag
          checked={specialty === undefined}
          onChange={() => choose(undefined)}
          data-testid="find-specialty-all"
        >
          {t('teams.find.all')}
          {complete && ` ${all.data?.total ?? 0}`}
        </Tag.CheckableTag>
        {chips.map((code) => (
          <Tag.CheckableTag
            key={code}
            checked={specialty === code}
            onChange={(checked) => choose(checked ? code : undefined)}
            data-testid={`find-specialty-${code}`}
          >
            {label(code)}
            {counts.has(code) && ` ${counts.get(code)}`}
          </Tag.CheckableTag>
        ))}
      </div>
      {teams.error && <QueryError error={teams.error} onRetry={() => void teams.refetch()} />}
      {!teams.data && !teams.error && <Skeleton active />}
      {teams.data && (
        <Spin spinning={teams.isFetching}>
          <div data-testid="find-team-list">
            {teams.data.items.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  specialty
                    ? t('teams.find.noneOfSpecialty', { specialty: label(specialty) })
                    : t('teams.find.none')
                }
              />
            ) : (
              <div className="gj-team-find-grid">
                {teams.data.items.map((team) => (
                  <FindCard
                    key={team.id}
                    team={team}
                    near={homeRegions.has(team.regionId)}
                    onApply={() => setApplying(team)}
                  />
                ))}
              </div>
            )}
            {teams.data.total > teams.data.items.length && (
              <Button
                block
                className="gj-section"
                onClick={() => setPageSize((n) => n + PAGE)}
                data-testid="find-team-more"
              >
                {t('common.more')}
              </Button>
            )}
          </div>
        </Spin>
      )}
      <Typography.Paragraph type="secondary" className="gj-section">
        <Link to="/teams">{t('teams.find.allTeams')}</Link>
      </Typography.Paragraph>
      <ApplySheet team={applying} onClose={() => setApplying(null)} />
    </div>
  );
}
