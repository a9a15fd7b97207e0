import type { Region, RegionKind, RegionWithAncestors } from '@contract';
import { Select, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { entityQueries } from '../../lib/entityQueries';
import { byLevel } from '../regionLevels';
import { RegionKindTag } from '../tags';
import { useTypeahead, useWithChosen } from './typeahead';

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
  const { q, searchProps } = useTypeahead();
  // The list route filters by one kind; several are filtered here, from a longer page.
  const oneKind = kind ?? (kinds?.length === 1 ? kinds[0] : undefined);
  const list = regionQueries.useList({
    q,
    kind: oneKind,
    pageSize: kinds && !oneKind ? 50 : 20,
  });
  const items = (list.data?.items ?? []).filter((r) => !kinds || kinds.includes(r.kind));
  // With its path shown, the chosen region is read whole (its ancestors), listed or not.
  const { items: regions, chosen } = useWithChosen(items, value, regionQueries.useOne, showPath);
  const chosenPath = showPath && chosen && chosen.id === value ? pathLabel(chosen) : undefined;
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
      {...searchProps}
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
