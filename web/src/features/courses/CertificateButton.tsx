import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../shared/DownloadButton';
import { downloadCertificate } from './api';

type Props = {
  enrolmentId: number;
  courseTitle: string;
  /** A small link-like button in a table row. */
  compact?: boolean;
  block?: boolean;
};

/** "Download the completion certificate": a PDF, for the person or the course's organisers. */
export function CertificateButton({ enrolmentId, courseTitle, compact, block }: Props) {
  const { t } = useTranslation();
  return (
    <DownloadButton
      download={() =>
        downloadCertificate(enrolmentId, `${t('courses.certificateFile', { title: courseTitle })}.pdf`)
      }
      testId={`certificate-${enrolmentId}`}
      label={compact ? t('courses.certificateShort') : t('courses.certificate')}
      icon={<SafetyCertificateOutlined />}
      type={compact ? 'link' : 'primary'}
      size={compact ? 'small' : 'middle'}
      block={block}
    />
  );
}
