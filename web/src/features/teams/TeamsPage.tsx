import { AppstoreOutlined, PlusOutlined, SearchOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../lib/auth';
import { idParam, oneOf } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { SpecialtySelect } from '../../shared/pickers/SpecialtySelect';
import { QueryError } from '../../shared/QueryError';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { useTeams } from './api';
import { TeamAreas } from './TeamAreas';
import { TeamFormDrawer, type TeamFormTarget } from './TeamFormDrawer';
import { TeamList } from './TeamList';

const FILTER_KEYS = ['q', 'specialty', 'regionId', 'recruiting', 'view'] as const;
const VIEWS = ['list', 'areas'] as const;
type View = (typeof VIEWS)[number];

function TeamSearch({ value, onSearch }: { value?: string; onSearch: (q: string | undefined) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value ?? '');
  return (
    <Input.Search
      className="gj-toolbar-grow"
      allowClear
      placeholder={t('teams.searchPlaceholder')}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onSearch={(q) => onSearch(q.trim() || undefined)}
      data-testid="team-search"
    />
  );
}

/** 志愿服务队: everyone finds teams (near home first); organisers set them up. */
export function TeamsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const list = useListParams(FILTER_KEYS);
  const view: View = oneOf(VIEWS, list.filters.view) ?? 'list';
  const filters = {
    q: list.filters.q,
    specialty: list.filters.specialty,
    regionId: idParam(list.filters.regionId),
    recruiting: list.filters.recruiting === 'true' ? ('true' as const) : undefined,
  };
  const teams = useTeams({ ...filters, page: list.page, pageSize: list.pageSize }, view === 'list');
  const [form, setForm] = useState<TeamFormTarget | null>(null);
  const canManage = can('team.manage');

  return (
    <>
      <PageHeader
        title={t('nav.teams')}
        extra={
          <Space wrap>
            <Link to="/teams/find">
              <Button icon={<SearchOutlined />} data-testid="team-find-link">
                {t('nav.findTeam')}
              </Button>
            </Link>
            {canManage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setForm({ mode: 'create' })}
                data-testid="team-create"
              >
                {t('teams.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <div className="gj-toolbar">
          <TeamSearch value={filters.q} onSearch={(q) => list.setFilters({ q })} />
          <SpecialtySelect
            className="gj-toolbar-select"
            allowClear
            placeholder={t('teams.specialty')}
            value={filters.specialty}
            onChange={(specialty) => list.setFilters({ specialty })}
            data-testid="team-specialty-filter"
          />
          <RegionSelect
            className="gj-toolbar-select-wide"
            kinds={['street', 'community']}
            allowClear
            placeholder={t('teams.region')}
            value={filters.regionId}
            onChange={(regionId) => list.setFilters({ regionId })}
            data-testid="team-region-filter"
          />
          <Checkbox
            checked={filters.recruiting === 'true'}
            onChange={(e) => list.setFilters({ recruiting: e.target.checked ? 'true' : undefined })}
            data-testid="team-recruiting-filter"
          >
            {t('teams.recruitingOnly')}
          </Checkbox>
          <Segmented<View>
            className="gj-toolbar-tail"
            value={view}
            onChange={(next) => list.setFilters({ view: next === 'list' ? undefined : next })}
            options={[
              { value: 'list', label: t('teams.viewList'), icon: <UnorderedListOutlined /> },
              { value: 'areas', label: t('teams.viewAreas'), icon: <AppstoreOutlined /> },
            ]}
            data-testid="team-view"
          />
        </div>
        {view === 'areas' ? (
          <TeamAreas filters={filters} />
        ) : (
          <>
            {teams.error && <QueryError error={teams.error} onRetry={() => void teams.refetch()} />}
            <TeamList
              teams={teams.data?.items}
              loading={teams.isFetching}
              pagination={paginationProps(list, teams.data?.total ?? 0, (total) =>
                t('common.total', { total }),
              )}
            />
          </>
        )}
      </Card>
      {canManage && (
        <TeamFormDrawer
          target={form}
          onClose={() => setForm(null)}
          onCreated={(team) => navigate(`/teams/${team.id}`)}
        />
      )}
    </>
  );
}
