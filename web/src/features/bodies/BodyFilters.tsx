import { BODY_KINDS } from '@contract';
import { Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyKind, BodyStatus } from '../../shared/enums';
import { RegionSelect } from '../regions';

export type BodyFilterValues = { q?: string; kind?: BodyKind; status?: BodyStatus; regionId?: number };

type Props = { value: BodyFilterValues; onChange: (patch: Partial<BodyFilterValues>) => void };

const STATUSES: BodyStatus[] = ['active', 'dissolved'];

export function BodyFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value.q ?? '');
  return (
    <div className="gj-toolbar">
      <Input.Search
        className="gj-toolbar-grow"
        allowClear
        placeholder={t('bodies.searchPlaceholder')}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        data-testid="body-search"
      />
      <Select<BodyKind>
        className="gj-toolbar-select-wide"
        allowClear
        placeholder={t('bodies.kind')}
        value={value.kind}
        onChange={(kind) => onChange({ kind })}
        options={BODY_KINDS.map((k) => ({ value: k, label: t(`bodyKind.${k}`) }))}
        data-testid="body-kind-filter"
      />
      <Select<BodyStatus>
        className="gj-toolbar-select"
        allowClear
        placeholder={t('common.status')}
        value={value.status}
        onChange={(status) => onChange({ status })}
        options={STATUSES.map((s) => ({ value: s, label: t(`bodyStatus.${s}`) }))}
        data-testid="body-status-filter"
      />
      <RegionSelect
        className="gj-toolbar-select-wide"
        allowClear
        placeholder={t('bodies.region')}
        value={value.regionId}
        onChange={(regionId) => onChange({ regionId })}
      />
    </div>
  );
}
