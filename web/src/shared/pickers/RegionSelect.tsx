import type { Region, RegionKind, RegionWithAncestors } from '@contract';
import { Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { entityQueries } from '../../lib/entityQueries';
import { byLevel } from '../regionLevels';
import { RegionKindTag } from '../tags';
import { useDebouncedValue } from '../useDebouncedValue';

type Props = {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
  /** Offer only regions of this kind. */
  kind?: RegionKind;
  /** Offer only regions of these kinds (e.g. where a person may live). */
  kinds?: readonly RegionKind[];
  exclude?: number[];
  /** Name the chosen region with its community, building and entrance (e.g. for a home). */
  showPath?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  className?: string;
  'data-testid'?: string;
};

type Option = { value: number; label: string; region: Region };

const regionQueries = entityQueries<
  Region,
  { q?: string; kind?: RegionKind; pageSize: number },
  RegionWithAncestors
>('regions');

/** "八角北路社区 3号楼 2单元": the region under its ancestors from the community down. */
function pathLabel(region: RegionWithAncestors) {
  const below = byLevel(region.ancestors).filter((a) => LOCAL_KINDS.includes(a.kind));
  return [...below.map((a) => a.name), region.name].join(' ');
}
const LOCAL_KINDS: RegionKind[] = ['community', 'building'];

/** A region picker that searches the server by (Chinese) name as the user types. */
export function RegionSelect({
  value,
  onChange,
  kind,
  kinds,
  exclude = [],
  placeholder,
  showPath = false,
  ...rest
}: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  // The list route filters by one kind; several are filtered here, from a longer page.
  const oneKind = kind ?? (kinds?.length === 1 ? kinds[0] : undefined);
  const list = regionQueries.useList({
    q: q || undefined,
    kind: oneKind,
    pageSize: kinds && !oneKind ? 50 : 20,
  });
  const items = (list.data?.items ?? []).filter((r) => !kinds || kinds.includes(r.kind));
  const valueListed = items.some((r) => r.id === value);
  // The chosen region may not be among the search hits; fetch it so its name shows, not its id.
  const chosen = regionQueries.useOne(value !== undefined && (showPath || !valueListed) ? value : undefined);
  const chosenPath = showPath && chosen.data && chosen.data.id === value ? pathLabel(chosen.data) : undefined;
  const regions = chosen.data && !valueListed ? [chosen.data, ...items] : items;
  const options: Option[] = regions
    .filter((r) => !exclude.includes(r.id))
    .map((r) => ({ value: r.id, label: r.name, region: r }));

  return (
    <Select<number, Option>
      {...rest}
      value={value}
      onChange={(next) => onChange?.(next)}
      options={options}
      placeholder={placeholder ?? t('regions.pick')}
      labelRender={chosenPath ? () => chosenPath : undefined}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => !open && setSearch('')}
      loading={list.isFetching}
      notFoundContent={list.isFetching ? <Spin size="small" /> : t('regions.noMatch')}
      optionRender={({ data }) => (
        <span className="gj-region-option">
          <span>{data.region.name}</span>
          <RegionKindTag kind={data.region.kind} />
          <Typography.Text type="secondary" className="gj-code">
            {data.region.code}
          </Typography.Text>
        </span>
      )}
    />
  );
}
