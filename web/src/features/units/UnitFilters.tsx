import { AFFILIATIONS, UNIT_KINDS } from '@contract';
import { useTranslation } from 'react-i18next';
import type { Affiliation, UnitKind } from '../../shared/enums';
import { FilterBar } from '../../shared/FilterBar';

export type UnitFilterValues = { q?: string; kind?: UnitKind; affiliation?: Affiliation; regionId?: number };

type Props = { value: UnitFilterValues; onChange: (patch: Partial<UnitFilterValues>) => void };

export function UnitFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <FilterBar
      value={value}
      onChange={onChange}
      search={{ placeholder: t('units.searchPlaceholder'), testId: 'unit-search' }}
      filters={[
        {
          field: 'kind',
          placeholder: t('units.kind'),
          options: UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) })),
          testId: 'unit-kind-filter',
        },
        {
          field: 'affiliation',
          placeholder: t('units.affiliation'),
          options: AFFILIATIONS.map((a) => ({ value: a, label: t(`affiliation.${a}`) })),
          testId: 'unit-affiliation-filter',
        },
        { field: 'regionId', picker: 'region', placeholder: t('units.region') },
      ]}
    />
  );
}
