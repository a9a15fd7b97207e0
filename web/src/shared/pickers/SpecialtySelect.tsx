import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSpecialties, useSpecialtyLabel } from '../specialties';

type Props<M extends boolean> = {
  id?: string;
  multiple?: M;
  value?: M extends true ? string[] : string;
  onChange?: (value: (M extends true ? string[] : string) | undefined) => void;
  placeholder?: string;
  /** With `multiple`: at most this many (10 unless told). */
  maxCount?: number;
  allowClear?: boolean;
  className?: string;
  'data-testid'?: string;
};

/** Specialties from the managed list, named in the current language. */
export function SpecialtySelect<M extends boolean = false>({
  multiple,
  placeholder,
  maxCount = 10,
  ...rest
}: Props<M>) {
  const { t } = useTranslation();
  const specialties = useSpecialties();
  const label = useSpecialtyLabel();
  return (
    <Select
      {...rest}
      mode={multiple ? 'multiple' : undefined}
      maxCount={multiple ? maxCount : undefined}
      loading={specialties.isFetching}
      placeholder={placeholder ?? t('members.specialty')}
      options={(specialties.data ?? []).map((s) => ({ value: s.code, label: label(s.code) }))}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}
