import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/api';

export function FullPageSpin() {
  return (
    <div className="gj-fullpage">
      <Spin size="large" />
    </div>
  );
}

export function FullPageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="gj-fullpage">
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={errorMessage(error)}
        extra={
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        }
      />
    </div>
  );
}
