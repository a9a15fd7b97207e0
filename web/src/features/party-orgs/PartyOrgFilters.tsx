import { PARTY_ORG_KINDS } from '@contract';
import { Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartyOrgKind } from '../../shared/enums';
import { RegionSelect } from '../regions';
import { UnitSelect } from '../units';

export type PartyOrgFilterValues = { q?: string; kind?: PartyOrgKind; regionId?: number; unitId?: number };

type Props = {
  value: PartyOrgFilterValues;
  onChange: (patch: Partial<PartyOrgFilterValues>) => void;
  /** The unit filter needs the right to read units. */
  showUnit: boolean;
};

export function PartyOrgFilters({ value, onChange, showUnit }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value.q ?? '');
  return (
    <div className="gj-toolbar">
      <Input.Search
        className="gj-toolbar-grow"
        allowClear
        placeholder={t('partyOrgs.searchPlaceholder')}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        data-testid="party-org-search"
      />
      <Select<PartyOrgKind>
        className="gj-toolbar-select-wide"
        allowClear
        placeholder={t('partyOrgs.kind')}
        value={value.kind}
        onChange={(kind) => onChange({ kind })}
        options={PARTY_ORG_KINDS.map((k) => ({ value: k, label: t(`partyOrgKind.${k}`) }))}
        data-testid="party-org-kind-filter"
      />
      <RegionSelect
        className="gj-toolbar-select-wide"
        allowClear
        placeholder={t('partyOrgs.region')}
        value={value.regionId}
        onChange={(regionId) => onChange({ regionId })}
      />
      {showUnit && (
        <UnitSelect
          className="gj-toolbar-select-wide"
          allowClear
          placeholder={t('partyOrgs.unit')}
          value={value.unitId}
          onChange={(unitId) => onChange({ unitId })}
        />
      )}
    </div>
  );
}
