import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';

export function TableEmpty({ text }: { text?: string }) {
  const { t } = useTranslation();
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text ?? t('common.empty')} />;
}
