import type { PartyOrg } from '@contract';
import { Select, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { entityQueries } from '../../lib/entityQueries';
import { useTypeahead, useWithChosen } from './typeahead';

type Props = {
  id?: string;
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  exclude?: number[];
  /** Only those standing in this region's subtree. */
  regionId?: number;
  placeholder?: string;
  allowClear?: boolean;
  className?: string;
  'data-testid'?: string;
};

type Option = { value: number; label: string; org: PartyOrg };

const partyOrgQueries = entityQueries<PartyOrg, { q?: string; regionId?: number; pageSize: number }>(
  'party-orgs',
);

/** A Party organisation picker that searches the server by name as the user types. */
export function PartyOrgSelect({ value, onChange, exclude = [], regionId, placeholder, ...rest }: Props) {
  const { t } = useTranslation();
  const { q, searchProps } = useTypeahead();
  const list = partyOrgQueries.useList({ q, regionId, pageSize: 20 });
  const chosenId = value ?? undefined;
  const { items: orgs } = useWithChosen(list.data?.items ?? [], chosenId, partyOrgQueries.useOne);
  const options: Option[] = orgs
    .filter((o) => !exclude.includes(o.id))
    .map((o) => ({ value: o.id, label: o.name, org: o }));

  return (
    <Select<number, Option>
      {...rest}
      value={chosenId}
      onChange={(next) => onChange?.(next)}
      options={options}
      placeholder={placeholder ?? t('partyOrgs.pick')}
      {...searchProps}
      loading={list.isFetching}
      notFoundContent={list.isFetching ? <Spin size="small" /> : t('partyOrgs.noMatch')}
      optionRender={({ data }) => (
        <span className="gj-region-option">
          <span>{data.org.name}</span>
          <Typography.Text type="secondary">{t(`partyOrgKind.${data.org.kind}`)}</Typography.Text>
        </span>
      )}
    />
  );
}
