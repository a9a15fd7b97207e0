import { AFFILIATIONS, UNIT_KINDS } from '@contract';
import { Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Affiliation, UnitKind } from '../../shared/enums';
import { RegionSelect } from '../regions';

export type UnitFilterValues = { q?: string; kind?: UnitKind; affiliation?: Affiliation; regionId?: number };

type Props = { value: UnitFilterValues; onChange: (patch: Partial<UnitFilterValues>) => void };

export function UnitFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value.q ?? '');
  return (
    <div className="gj-toolbar">
      <Input.Search
        className="gj-toolbar-grow"
        allowClear
        placeholder={t('units.searchPlaceholder')}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        data-testid="unit-search"
      />
      <Select<UnitKind>
        className="gj-toolbar-select"
        allowClear
        placeholder={t('units.kind')}
        value={value.kind}
        onChange={(kind) => onChange({ kind })}
        options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
        data-testid="unit-kind-filter"
      />
      <Select<Affiliation>
        className="gj-toolbar-select"
        allowClear
        placeholder={t('units.affiliation')}
        value={value.affiliation}
        onChange={(affiliation) => onChange({ affiliation })}
        options={AFFILIATIONS.map((a) => ({ value: a, label: t(`affiliation.${a}`) }))}
        data-testid="unit-affiliation-filter"
      />
      <RegionSelect
        className="gj-toolbar-select-wide"
        allowClear
        placeholder={t('units.region')}
        value={value.regionId}
        onChange={(regionId) => onChange({ regionId })}
      />
    </div>
  );
}
