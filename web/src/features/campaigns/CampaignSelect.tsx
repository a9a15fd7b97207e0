import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTypeahead, useWithChosen } from '../../shared/pickers/typeahead';
import { useCampaign, useCampaigns } from './api';

type Props = {
  id?: string;
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  className?: string;
  disabled?: boolean;
  'data-testid'?: string;
};

type Option = { value: number; label: string; dates: string };

/** A campaign (e.g. a publicity week) to join a course or a notice to; searched by title. */
export function CampaignSelect({ value, onChange, placeholder, ...rest }: Props) {
  const { t } = useTranslation();
  const { q, searchProps } = useTypeahead();
  const list = useCampaigns({ q, page: 1, pageSize: 20 });
  const chosenId = typeof value === 'number' ? value : undefined;
  const { items: campaigns } = useWithChosen(list.data?.items ?? [], chosenId, useCampaign);
  const options: Option[] = campaigns.map((c) => ({
    value: c.id,
    label: c.title,
    dates: `${c.startsOn} ~ ${c.endsOn}`,
  }));
  return (
    <Select<number, Option>
      {...rest}
      allowClear
      value={chosenId}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={options}
      placeholder={placeholder ?? t('campaigns.pick')}
      {...searchProps}
      loading={list.isFetching}
      notFoundContent={list.error ? t('campaigns.unavailable') : t('campaigns.noMatch')}
      optionRender={({ data }) => (
        <span className="gj-stack">
          <span>{data.label}</span>
          <Typography.Text type="secondary" className="gj-pub-small">
            {data.dates}
          </Typography.Text>
        </span>
      )}
    />
  );
}
