import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../shared/DownloadButton';
import { downloadHonourPdf } from './honours.api';

/** "下载名单 PDF": the published honour list, as the district prints and posts it. */
export function HonourPdfButton({ id, type }: { id: number; type?: 'primary' | 'default' }) {
  const { t } = useTranslation();
  return (
    <DownloadButton
      download={() => downloadHonourPdf(id)}
      testId="honours-pdf"
      label={t('honours.pdf')}
      icon={<FilePdfOutlined />}
      type={type}
    />
  );
}
