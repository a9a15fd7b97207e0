import { Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export function PageHeader({ title, extra }: { title: string; extra?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.title')}`;
  }, [title, t]);
  return (
    <div className="gj-page-header">
      <Typography.Title level={4} className="gj-page-title">
        {title}
      </Typography.Title>
      {extra && <div className="gj-page-extra">{extra}</div>}
    </div>
  );
}
