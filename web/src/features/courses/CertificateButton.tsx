import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
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
  const feedback = useFeedback();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await downloadCertificate(enrolmentId, `${t('courses.certificateFile', { title: courseTitle })}.pdf`);
    } catch (error) {
      feedback.error(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      type={compact ? 'link' : 'primary'}
      size={compact ? 'small' : 'middle'}
      block={block}
      icon={<SafetyCertificateOutlined />}
      loading={busy}
      onClick={() => void onClick()}
      data-testid={`certificate-${enrolmentId}`}
    >
      {compact ? t('courses.certificateShort') : t('courses.certificate')}
    </Button>
  );
}
