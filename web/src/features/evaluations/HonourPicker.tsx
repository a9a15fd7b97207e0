import { BankOutlined, FlagOutlined, StarOutlined } from '@ant-design/icons';
import { HONOURS, type Honour } from '@contract';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { SUBJECT_KIND } from './api';

const HONOUR_ICON: Record<Honour, ComponentType> = {
  civilized_unit: BankOutlined,
  advanced_party_org: FlagOutlined,
  outstanding_member: StarOutlined,
};

type Props = {
  id?: string;
  value?: Honour;
  onChange?: (value: Honour) => void;
};

/** The three honours as big buttons, each saying whom it is for. */
export function HonourPicker({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div id={id} className="gj-category-picker gj-eval-honours" role="radiogroup">
      {HONOURS.map((honour) => {
        const Icon = HONOUR_ICON[honour];
        const checked = value === honour;
        return (
          // biome-ignore lint/a11y/useSemanticElements: a big tappable tile, announced as a radio
          <button
            key={honour}
            type="button"
            role="radio"
            aria-checked={checked}
            className={`gj-category${checked ? ' gj-category-checked' : ''}`}
            onClick={() => onChange?.(honour)}
            data-testid={`evaluation-honour-${honour}`}
          >
            <Icon />
            <span>{t(`evaluations.honour.${honour}`)}</span>
            <span className="gj-eval-honour-for">
              {t('evaluations.honourFor', { kind: t(`evaluations.subjectKind.${SUBJECT_KIND[honour]}`) })}
            </span>
          </button>
        );
      })}
    </div>
  );
}
