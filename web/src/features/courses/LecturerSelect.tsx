import { Select, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTypeahead } from '../../shared/pickers/typeahead';
import { useLecturers } from './api';

type Props = {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
  /** A lecturer already chosen, named while the list does not show them. */
  known?: { id: number; name: string } | null;
  'data-testid'?: string;
};

type Option = { value: number; label: string; region: string };

/** A user with the lecturer role, searched by name (for those who may read users). */
export function LecturerSelect({ value, onChange, known, ...rest }: Props) {
  const { t } = useTranslation();
  const { q, searchProps } = useTypeahead();
  const list = useLecturers(q, true);
  const options: Option[] = (list.data?.items ?? []).map((u) => ({
    value: u.id,
    label: u.displayName,
    region: u.regionName,
  }));
  if (known && !options.some((o) => o.value === known.id)) {
    options.unshift({ value: known.id, label: known.name, region: '' });
  }
  return (
    <Select<number, Option>
      {...rest}
      allowClear
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={options}
      placeholder={t('courses.lecturerPick')}
      {...searchProps}
      loading={list.isFetching}
      notFoundContent={list.isFetching ? <Spin size="small" /> : t('courses.noLecturers')}
      optionRender={({ data }) => (
        <span className="gj-region-option">
          <span>{data.label}</span>
          {data.region && <Typography.Text type="secondary">{data.region}</Typography.Text>}
        </span>
      )}
    />
  );
}
