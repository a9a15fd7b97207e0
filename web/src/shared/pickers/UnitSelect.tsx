import type { Unit } from '@contract';
import { Select, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { entityQueries } from '../../lib/entityQueries';
import { useTypeahead, useWithChosen } from './typeahead';

type Props = {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
  /** Called with the whole unit when one is picked. */
  onPick?: (unit: Unit | undefined) => void;
  exclude?: number[];
  /** Only those standing in this region's subtree. */
  regionId?: number;
  placeholder?: string;
  allowClear?: boolean;
  className?: string;
  'data-testid'?: string;
};

type Option = { value: number; label: string; unit: Unit };

const unitQueries = entityQueries<Unit, { q?: string; regionId?: number; pageSize: number }>('units');

/** A unit picker that searches the server by name as the user types. */
export function UnitSelect({ value, onChange, onPick, exclude = [], regionId, placeholder, ...rest }: Props) {
  const { t } = useTranslation();
  const { q, searchProps } = useTypeahead();
  const list = unitQueries.useList({ q, regionId, pageSize: 20 });
  const { items: units } = useWithChosen(list.data?.items ?? [], value, unitQueries.useOne);
  const options: Option[] = units
    .filter((u) => !exclude.includes(u.id))
    .map((u) => ({ value: u.id, label: u.name, unit: u }));

  return (
    <Select<number, Option>
      {...rest}
      value={value}
      onChange={(next, option) => {
        onChange?.(next);
        onPick?.(Array.isArray(option) ? undefined : option?.unit);
      }}
      options={options}
      placeholder={placeholder ?? t('units.pick')}
      {...searchProps}
      loading={list.isFetching}
      notFoundContent={list.isFetching ? <Spin size="small" /> : t('units.noMatch')}
      optionRender={({ data }) => (
        <span className="gj-region-option">
          <span>{data.unit.name}</span>
          <Typography.Text type="secondary">{data.unit.regionName}</Typography.Text>
        </span>
      )}
    />
  );
}
