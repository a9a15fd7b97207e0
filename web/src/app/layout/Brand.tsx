import { useTranslation } from 'react-i18next';

/** The product mark: a red seal with 共, then the product name unless collapsed. */
export function Brand({ collapsed = false }: { collapsed?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="gj-brand">
      <span className="gj-brand-mark" aria-hidden>
        {t('app.mark')}
      </span>
      {!collapsed && (
        <span className="gj-brand-text">
          <span className="gj-brand-name">{t('app.name')}</span>
          <span className="gj-brand-tagline">{t('app.shortTagline')}</span>
        </span>
      )}
    </div>
  );
}
