import { FilePdfOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { downloadHonourPdf } from './api';

/** "下载名单 PDF": the published honour list, as the district prints and posts it. */
export function HonourPdfButton({ id, type }: { id: number; type?: 'primary' | 'default' }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await downloadHonourPdf(id);
    } catch (error) {
      feedback.error(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      type={type}
      icon={<FilePdfOutlined />}
      loading={busy}
      onClick={() => void onClick()}
      data-testid="honours-pdf"
    >
      {t('honours.pdf')}
    </Button>
  );
}
