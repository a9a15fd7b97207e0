import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useDocumentTitle } from './useDocumentTitle';

export function PageHeader({ title, extra }: { title: string; extra?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="gj-page-header">
      <Typography.Title level={4} className="gj-page-title">
        {title}
      </Typography.Title>
      {extra && <div className="gj-page-extra">{extra}</div>}
    </div>
  );
}
