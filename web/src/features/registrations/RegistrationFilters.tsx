import { REGISTRATION_STATUSES } from '@contract';
import { useTranslation } from 'react-i18next';
import type { RegistrationStatus } from '../../shared/enums';
import { FilterBar } from '../../shared/FilterBar';

/** `status` is 'all' when every status is wanted; absent means the default, pending. */
export type RegistrationFilterValues = {
  q?: string;
  status: RegistrationStatus | 'all';
  communityId?: number;
  unitId?: number;
};

type Props = {
  value: RegistrationFilterValues;
  onChange: (patch: Partial<RegistrationFilterValues>) => void;
  /** The unit filter needs the right to read units. */
  showUnit: boolean;
};

export function RegistrationFilters({ value, onChange, showUnit }: Props) {
  const { t } = useTranslation();
  return (
    <FilterBar
      value={value}
      onChange={onChange}
      search={{ placeholder: t('registrations.searchPlaceholder'), testId: 'registration-search' }}
      filters={[
        {
          field: 'status',
          allowClear: false,
          options: [
            ...REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(`registrationStatus.${s}`) })),
            { value: 'all' as const, label: t('registrations.allStatuses') },
          ],
          testId: 'registration-status-filter',
        },
        {
          field: 'communityId',
          picker: 'region',
          regionKind: 'community',
          placeholder: t('registrations.community'),
        },
        showUnit && { field: 'unitId', picker: 'unit', placeholder: t('registrations.unit') },
      ]}
    />
  );
}
