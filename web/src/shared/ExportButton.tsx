import { DownloadOutlined } from '@ant-design/icons';
import type { ExportResource } from '@contract';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueryParams } from '../app/api';
import { downloadExport } from './download';
import { useFeedback } from './feedback';

type Props = {
  resource: ExportResource;
  /** The list's current filters; paging is left out. */
  filters: QueryParams;
};

/** "Export to Excel": the list as filtered on screen, all its pages. */
export function ExportButton({ resource, filters }: Props) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await downloadExport(resource, filters);
    } catch (error) {
      feedback.error(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={() => void onClick()}
      data-testid={`export-${resource}`}
    >
      {t('common.export')}
    </Button>
  );
}
