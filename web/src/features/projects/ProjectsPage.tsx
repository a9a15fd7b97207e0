import { PlusOutlined } from '@ant-design/icons';
import { PROJECT_STATUSES, type ProjectStatus, ROLE_KINDS } from '@contract';
import { Button, Card, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../lib/auth';
import { idParam, oneOf, type RoleKind } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { QueryError } from '../../shared/QueryError';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { useProjects } from './api';
import { ProjectCards } from './ProjectCards';
import { ProjectFormDrawer, type ProjectFormTarget } from './ProjectFormDrawer';

const FILTER_KEYS = ['q', 'status', 'roleKind', 'regionId'] as const;

function ProjectSearch({ value, onSearch }: { value?: string; onSearch: (q: string | undefined) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value ?? '');
  return (
    <Input.Search
      className="gj-toolbar-grow"
      allowClear
      placeholder={t('projects.searchPlaceholder')}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onSearch={(q) => onSearch(q.trim() || undefined)}
      data-testid="project-search"
    />
  );
}

/** Community public-welfare projects and their roles; everyone signed in sees those open to them. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const list = useListParams(FILTER_KEYS);
  const filters = {
    q: list.filters.q,
    status: oneOf(PROJECT_STATUSES, list.filters.status),
    roleKind: oneOf(ROLE_KINDS, list.filters.roleKind),
    regionId: idParam(list.filters.regionId),
  };
  const projects = useProjects({ ...filters, page: list.page, pageSize: list.pageSize });
  const [form, setForm] = useState<ProjectFormTarget | null>(null);
  const canManage = can('project.manage');

  return (
    <>
      <PageHeader
        title={t('nav.projects')}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setForm({ mode: 'create' })}
              data-testid="project-create"
            >
              {t('projects.create')}
            </Button>
          )
        }
      />
      <Card>
        <div className="gj-toolbar">
          <ProjectSearch value={filters.q} onSearch={(q) => list.setFilters({ q })} />
          <Select<ProjectStatus>
            className="gj-toolbar-select"
            allowClear
            placeholder={t('common.status')}
            value={filters.status}
            onChange={(status) => list.setFilters({ status })}
            options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projectStatus.${s}`) }))}
            data-testid="project-status-filter"
          />
          <Select<RoleKind>
            className="gj-toolbar-select"
            allowClear
            placeholder={t('projects.roleKind')}
            value={filters.roleKind}
            onChange={(roleKind) => list.setFilters({ roleKind })}
            options={ROLE_KINDS.map((k) => ({ value: k, label: t(`roleKind.${k}`) }))}
            data-testid="project-role-filter"
          />
          <RegionSelect
            className="gj-toolbar-select-wide"
            kinds={['street', 'community']}
            allowClear
            placeholder={t('projects.region')}
            value={filters.regionId}
            onChange={(regionId) => list.setFilters({ regionId })}
          />
        </div>
        {projects.error && <QueryError error={projects.error} onRetry={() => void projects.refetch()} />}
        <ProjectCards
          projects={projects.data?.items}
          loading={projects.isFetching}
          pagination={paginationProps(list, projects.data?.total ?? 0, (total) =>
            projects.data?.capped ? t('common.totalMore', { total }) : t('common.total', { total }),
          )}
        />
      </Card>
      {canManage && (
        <ProjectFormDrawer
          target={form}
          onClose={() => setForm(null)}
          onCreated={(project) => navigate(`/projects/${project.id}`)}
        />
      )}
    </>
  );
}
