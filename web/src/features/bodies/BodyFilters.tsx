import { BODY_KINDS } from '@contract';
import { useTranslation } from 'react-i18next';
import type { BodyKind, BodyStatus } from '../../shared/enums';
import { FilterBar } from '../../shared/FilterBar';

export type BodyFilterValues = { q?: string; kind?: BodyKind; status?: BodyStatus; regionId?: number };

type Props = { value: BodyFilterValues; onChange: (patch: Partial<BodyFilterValues>) => void };

const STATUSES: BodyStatus[] = ['active', 'dissolved'];

export function BodyFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <FilterBar
      value={value}
      onChange={onChange}
      search={{ placeholder: t('bodies.searchPlaceholder'), testId: 'body-search' }}
      filters={[
        {
          field: 'kind',
          wide: true,
          placeholder: t('bodies.kind'),
          options: BODY_KINDS.map((k) => ({ value: k, label: t(`bodyKind.${k}`) })),
          testId: 'body-kind-filter',
        },
        {
          field: 'status',
          placeholder: t('common.status'),
          options: STATUSES.map((s) => ({ value: s, label: t(`bodyStatus.${s}`) })),
          testId: 'body-status-filter',
        },
        { field: 'regionId', picker: 'region', placeholder: t('bodies.region') },
      ]}
    />
  );
}
