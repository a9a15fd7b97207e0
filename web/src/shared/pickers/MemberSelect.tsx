import type { Member } from '@contract';
import { Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { entityQueries } from '../../lib/entityQueries';
import { useTypeahead } from './typeahead';

type Common = {
  id?: string;
  /** Only Party members. */
  party?: boolean;
  /** Only people living in this region's subtree. */
  regionId?: number;
  /** Only this unit's people (with `party`: the members of its Party organisations). */
  unitId?: number;
  exclude?: number[];
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  className?: string;
  'data-testid'?: string;
};
type Single = Common & {
  multiple?: false;
  value?: number | null;
  onChange?: (value: number | undefined) => void;
};
type Multiple = Common & {
  multiple: true;
  value?: number[];
  onChange?: (value: number[]) => void;
};

type Option = { value: number; label: string; member: Pick<Member, 'id' | 'name' | 'homeLabel'> };

const memberQueries = entityQueries<
  Member,
  { q?: string; party?: 'true'; regionId?: number; unitId?: number; page: number; pageSize: number }
>('members');

const optionOf = (m: Option['member']): Option => ({ value: m.id, label: m.name, member: m });

/** A person picker (one or several) that searches the server by name as the user types. */
export function MemberSelect(props: Single | Multiple) {
  const {
    party,
    regionId,
    unitId,
    exclude = [],
    placeholder,
    multiple,
    value,
    onChange: _onChange,
    ...rest
  } = props;
  const { t } = useTranslation();
  const { q, searchProps } = useTypeahead();
  // People picked earlier stay named while the search shows others.
  const [picked, setPicked] = useState<Map<number, Option>>(new Map());
  const list = memberQueries.useList({
    q,
    party: party ? 'true' : undefined,
    regionId,
    unitId,
    page: 1,
    pageSize: 20,
  });
  const hits = (list.data?.items ?? []).map(optionOf);
  const single = !multiple && typeof value === 'number' ? value : undefined;
  const singleKnown = single === undefined || hits.some((o) => o.value === single) || picked.has(single);
  // A chosen person may be among neither the hits nor the picks (e.g. a saved convenor).
  const chosen = memberQueries.useOne(singleKnown ? undefined : single);
  const selected: number[] = multiple ? (value ?? []) : single === undefined ? [] : [single];
  const extra = selected
    .filter((id) => !hits.some((o) => o.value === id))
    .map((id) => picked.get(id) ?? (chosen.data?.id === id ? optionOf(chosen.data) : undefined))
    .filter((o): o is Option => o !== undefined);
  const options = [...extra, ...hits].filter((o) => !exclude.includes(o.value));

  const remember = (chosenOptions: Option | Option[] | undefined) => {
    const list = Array.isArray(chosenOptions) ? chosenOptions : chosenOptions ? [chosenOptions] : [];
    if (list.length === 0) return;
    setPicked((prev) => new Map([...prev, ...list.map((o) => [o.value, o] as const)]));
  };

  const common = {
    ...rest,
    options,
    placeholder: placeholder ?? t('members.pick'),
    ...searchProps,
    loading: list.isFetching,
    notFoundContent: list.isFetching ? <Spin size="small" /> : t('members.noMatch'),
    optionRender: ({ data }: { data: Option }) => (
      <span className="gj-region-option">
        <span>{data.member.name}</span>
        <Typography.Text type="secondary">{data.member.homeLabel}</Typography.Text>
      </span>
    ),
  };

  if (props.multiple) {
    const { onChange } = props;
    return (
      <Select<number[], Option>
        {...common}
        mode="multiple"
        value={selected}
        onChange={(next, opts) => {
          remember(opts);
          onChange?.(next);
        }}
      />
    );
  }
  const { onChange } = props;
  return (
    <Select<number, Option>
      {...common}
      value={single}
      onChange={(next, opt) => {
        remember(opt);
        onChange?.(next);
      }}
    />
  );
}
