import { MEMBERSHIP_STATUSES } from '@contract';
import { Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MembershipStatus } from '../../shared/enums';
import { RegionSelect } from '../regions';
import { SpecialtySelect } from './SpecialtySelect';

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
  const [draft, setDraft] = useState(value.q ?? '');
  return (
    <div className="gj-toolbar">
      <Input.Search
        className="gj-toolbar-grow"
        allowClear
        placeholder={t('members.searchPlaceholder')}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        data-testid="member-search"
      />
      <SpecialtySelect
        className="gj-toolbar-select"
        allowClear
        value={value.specialty}
        onChange={(specialty) => onChange({ specialty })}
        data-testid="member-specialty-filter"
      />
      <Select<'true' | 'false'>
        className="gj-toolbar-select"
        allowClear
        placeholder={t('members.party')}
        value={value.party}
        // A membership status implies a Party member, so "not a member" clears it.
        onChange={(party) => onChange(party === 'false' ? { party, status: undefined } : { party })}
        options={[
          { value: 'true', label: t('members.partyYes') },
          { value: 'false', label: t('members.partyNo') },
        ]}
        data-testid="member-party-filter"
      />
      <Select<MembershipStatus>
        className="gj-toolbar-select"
        allowClear
        placeholder={t('members.membershipStatus')}
        value={value.status}
        disabled={value.party === 'false'}
        onChange={(status) => onChange({ status })}
        options={MEMBERSHIP_STATUSES.map((s) => ({ value: s, label: t(`membershipStatus.${s}`) }))}
        data-testid="member-status-filter"
      />
      <RegionSelect
        className="gj-toolbar-select-wide"
        allowClear
        placeholder={t('members.region')}
        value={value.regionId}
        onChange={(regionId) => onChange({ regionId })}
      />
    </div>
  );
}
