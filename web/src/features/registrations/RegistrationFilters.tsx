import { REGISTRATION_STATUSES } from '@contract';
import { Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistrationStatus } from '../../shared/enums';
import { RegionSelect } from '../regions';
import { UnitSelect } from '../units';

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
  const [draft, setDraft] = useState(value.q ?? '');
  return (
    <div className="gj-toolbar">
      <Input.Search
        className="gj-toolbar-grow"
        allowClear
        placeholder={t('registrations.searchPlaceholder')}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        data-testid="registration-search"
      />
      <Select<RegistrationStatus | 'all'>
        className="gj-toolbar-select"
        value={value.status}
        onChange={(status) => onChange({ status })}
        options={[
          ...REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(`registrationStatus.${s}`) })),
          { value: 'all', label: t('registrations.allStatuses') },
        ]}
        data-testid="registration-status-filter"
      />
      <RegionSelect
        className="gj-toolbar-select-wide"
        kind="community"
        allowClear
        placeholder={t('registrations.community')}
        value={value.communityId}
        onChange={(communityId) => onChange({ communityId })}
      />
      {showUnit && (
        <UnitSelect
          className="gj-toolbar-select-wide"
          allowClear
          placeholder={t('registrations.unit')}
          value={value.unitId}
          onChange={(unitId) => onChange({ unitId })}
        />
      )}
    </div>
  );
}
