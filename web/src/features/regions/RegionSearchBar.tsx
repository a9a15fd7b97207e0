import { REGION_KINDS, type RegionKind } from '@contract';
import { Input, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export type RegionSearch = { q: string; kind?: RegionKind };

type Props = {
  search: RegionSearch;
  onSearch: (search: RegionSearch) => void;
  showRetired: boolean;
  onShowRetiredChange: (on: boolean) => void;
};

export function RegionSearchBar({ search, onSearch, showRetired, onShowRetiredChange }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(search.q);
  const [submitted, setSubmitted] = useState(search.q);
  // Follow the query when it is changed from outside (e.g. cleared by "locate").
  if (search.q !== submitted) {
    setSubmitted(search.q);
    setDraft(search.q);
  }
  return (
    <div className="gj-toolbar">
      <Input.Search
        className="gj-toolbar-grow"
        allowClear
        placeholder={t('regions.searchPlaceholder')}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onSearch={(q) => onSearch({ ...search, q: q.trim() })}
        data-testid="region-search"
      />
      <Select<RegionKind>
        className="gj-toolbar-select"
        allowClear
        placeholder={t('regions.kind')}
        value={search.kind}
        onChange={(kind) => onSearch({ ...search, kind })}
        options={REGION_KINDS.map((k) => ({ value: k, label: t(`regionKind.${k}`) }))}
      />
      <span className="gj-switch">
        <Switch
          id="regions-show-retired"
          size="small"
          checked={showRetired}
          onChange={onShowRetiredChange}
          data-testid="show-retired"
        />
        <label htmlFor="regions-show-retired">{t('regions.showRetired')}</label>
      </span>
    </div>
  );
}
