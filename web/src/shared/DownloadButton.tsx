import { DownloadOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from './feedback';

type Props = {
  /** Fetches the file and hands it to the browser (see download.ts). */
  download: () => Promise<unknown>;
  testId: string;
  /** Default: "导出" / "Export". */
  label?: ReactNode;
  icon?: ReactNode;
  type?: ButtonProps['type'];
  size?: ButtonProps['size'];
  block?: boolean;
};

/** A button that downloads a file: busy while it comes, the server's message if it fails. */
export function DownloadButton({ download, testId, label, icon, type, size, block }: Props) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await download();
    } catch (error) {
      feedback.error(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      type={type}
      size={size}
      block={block}
      icon={icon ?? <DownloadOutlined />}
      loading={busy}
      onClick={() => void onClick()}
      data-testid={testId}
    >
      {label ?? t('common.export')}
    </Button>
  );
}
