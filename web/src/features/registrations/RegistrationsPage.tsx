import { REGISTRATION_STATUSES, type Registration } from '@contract';
import { Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth';
import { ExportButton } from '../../shared/ExportButton';
import { idParam, oneOf } from '../../shared/enums';
import { useFeedback } from '../../shared/feedback';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { useDecideRegistration, useRegistrations } from './api';
import { DeclineModal } from './DeclineModal';
import { RegistrationFilters, type RegistrationFilterValues } from './RegistrationFilters';
import { RegistrationTable } from './RegistrationTable';

const FILTER_KEYS = ['q', 'status', 'communityId', 'unitId'] as const;

/** The inbox of registrations to decide; it opens on those still pending. */
export function RegistrationsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const feedback = useFeedback();
  const list = useListParams(FILTER_KEYS);
  const filters: RegistrationFilterValues = {
    q: list.filters.q,
    status:
      list.filters.status === 'all'
        ? 'all'
        : (oneOf(REGISTRATION_STATUSES, list.filters.status) ?? 'pending'),
    communityId: idParam(list.filters.communityId),
    unitId: idParam(list.filters.unitId),
  };
  const query = { ...filters, status: filters.status === 'all' ? undefined : filters.status };
  const registrations = useRegistrations({ ...query, page: list.page, pageSize: list.pageSize });
  const decide = useDecideRegistration();
  const [declining, setDeclining] = useState<Registration | null>(null);

  const approve = (registration: Registration) =>
    decide.mutate(
      { id: registration.id, decision: 'approve' },
      {
        onSuccess: () =>
          feedback.success(
            t('registrations.approved', {
              name: registration.personName,
              community: registration.communityName,
            }),
          ),
        onError: feedback.error,
      },
    );

  return (
    <>
      <PageHeader
        title={t('nav.registrations')}
        extra={<ExportButton resource="registrations" filters={query} />}
      />
      <Card>
        <RegistrationFilters
          value={filters}
          // The default status (pending) is kept out of the address bar.
          onChange={({ status, ...rest }) =>
            list.setFilters(
              status === undefined ? rest : { ...rest, status: status === 'pending' ? undefined : status },
            )
          }
          showUnit={can('unit.read')}
        />
        {registrations.error && (
          <QueryError error={registrations.error} onRetry={() => void registrations.refetch()} />
        )}
        <RegistrationTable
          registrations={registrations.data?.items}
          loading={registrations.isFetching}
          pagination={paginationProps(list, registrations.data?.total ?? 0, (total) =>
            t('common.total', { total }),
          )}
          onApprove={approve}
          onDecline={setDeclining}
          approvingId={decide.isPending ? decide.variables?.id : undefined}
        />
      </Card>
      <DeclineModal registration={declining} onClose={() => setDeclining(null)} />
    </>
  );
}
