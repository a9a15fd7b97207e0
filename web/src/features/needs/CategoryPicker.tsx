import {
  AuditOutlined,
  ClearOutlined,
  EllipsisOutlined,
  HeartOutlined,
  MedicineBoxOutlined,
  ReadOutlined,
  SafetyOutlined,
  SmileOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { NEED_CATEGORIES } from '@contract';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { NeedCategory } from '../../shared/enums';

export const CATEGORY_ICON: Record<NeedCategory, ComponentType> = {
  elder_care: HeartOutlined,
  repair: ToolOutlined,
  health: MedicineBoxOutlined,
  legal: AuditOutlined,
  environment: ClearOutlined,
  safety: SafetyOutlined,
  education: ReadOutlined,
  culture: SmileOutlined,
  other: EllipsisOutlined,
};

type Props = {
  id?: string;
  value?: NeedCategory;
  onChange?: (value: NeedCategory) => void;
};

/** The categories as big tags to tap, three to a row on a phone. */
export function CategoryPicker({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div id={id} className="gj-category-picker">
      {NEED_CATEGORIES.map((category) => {
        const Icon = CATEGORY_ICON[category];
        const checked = value === category;
        return (
          <button
            key={category}
            type="button"
            aria-pressed={checked}
            className={`gj-category${checked ? ' gj-category-checked' : ''}`}
            onClick={() => onChange?.(category)}
            data-testid={`need-category-${category}`}
          >
            <Icon />
            <span>{t(`needCategory.${category}`)}</span>
          </button>
        );
      })}
    </div>
  );
}
