import type { Role } from '@contract';
import { useTranslation } from 'react-i18next';
import { FilterBar } from '../../shared/FilterBar';
import { useRoleOptions } from './roleOptions';

export type UserFilterValues = { q?: string; role?: Role; regionId?: number };

type Props = { value: UserFilterValues; onChange: (patch: Partial<UserFilterValues>) => void };

export function UserFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const roleOptions = useRoleOptions();
  return (
    <FilterBar
      value={value}
      onChange={onChange}
      search={{ placeholder: t('users.searchPlaceholder'), testId: 'user-search' }}
      filters={[
        { field: 'role', placeholder: t('users.role'), options: roleOptions },
        { field: 'regionId', picker: 'region', placeholder: t('users.region') },
      ]}
    />
  );
}
