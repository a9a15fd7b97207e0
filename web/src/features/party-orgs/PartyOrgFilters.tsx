import { PARTY_ORG_KINDS } from '@contract';
import { useTranslation } from 'react-i18next';
import type { PartyOrgKind } from '../../shared/enums';
import { FilterBar } from '../../shared/FilterBar';

export type PartyOrgFilterValues = { q?: string; kind?: PartyOrgKind; regionId?: number; unitId?: number };

type Props = {
  value: PartyOrgFilterValues;
  onChange: (patch: Partial<PartyOrgFilterValues>) => void;
  /** The unit filter needs the right to read units. */
  showUnit: boolean;
};

export function PartyOrgFilters({ value, onChange, showUnit }: Props) {
  const { t } = useTranslation();
  return (
    <FilterBar
      value={value}
      onChange={onChange}
      search={{ placeholder: t('partyOrgs.searchPlaceholder'), testId: 'party-org-search' }}
      filters={[
        {
          field: 'kind',
          wide: true,
          placeholder: t('partyOrgs.kind'),
          options: PARTY_ORG_KINDS.map((k) => ({ value: k, label: t(`partyOrgKind.${k}`) })),
          testId: 'party-org-kind-filter',
        },
        { field: 'regionId', picker: 'region', placeholder: t('partyOrgs.region') },
        showUnit && { field: 'unitId', picker: 'unit', placeholder: t('partyOrgs.unit') },
      ]}
    />
  );
}
