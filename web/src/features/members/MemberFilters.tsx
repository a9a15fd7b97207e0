import { MEMBERSHIP_STATUSES } from '@contract';
import { useTranslation } from 'react-i18next';
import type { MembershipStatus } from '../../shared/enums';
import { FilterBar } from '../../shared/FilterBar';

export type MemberFilterValues = {
  q?: string;
  specialty?: string;
  party?: 'true' | 'false';
  status?: MembershipStatus;
  regionId?: number;
};

type Props = { value: MemberFilterValues; onChange: (patch: Partial<MemberFilterValues>) => void };

export function MemberFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <FilterBar
      value={value}
      onChange={onChange}
      search={{ placeholder: t('members.searchPlaceholder'), testId: 'member-search' }}
      filters={[
        { field: 'specialty', picker: 'specialty', testId: 'member-specialty-filter' },
        {
          field: 'party',
          placeholder: t('members.party'),
          options: [
            { value: 'true', label: t('members.partyYes') },
            { value: 'false', label: t('members.partyNo') },
          ],
          // A membership status implies a Party member, so "not a member" clears it.
          patch: (party: MemberFilterValues['party']) =>
            party === 'false' ? { party, status: undefined } : { party },
          testId: 'member-party-filter',
        },
        {
          field: 'status',
          placeholder: t('members.membershipStatus'),
          options: MEMBERSHIP_STATUSES.map((s) => ({ value: s, label: t(`membershipStatus.${s}`) })),
          disabled: value.party === 'false',
          testId: 'member-status-filter',
        },
        { field: 'regionId', picker: 'region', placeholder: t('members.region') },
      ]}
    />
  );
}
