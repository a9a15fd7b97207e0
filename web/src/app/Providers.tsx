import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
// The ES modules: `antd/locale/*` are CommonJS copies of them, bundled beside antd's own
// (en_US is antd's default, so it costs nothing more).
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../lib/i18n';
import { queryClient } from '../lib/queryClient';
import { theme } from './theme';

const ANTD_LOCALE = { 'zh-CN': zhCN, en: enUS };

function AntdProvider({ children }: { children: ReactNode }) {
  // Re-renders on language change, which switches antd's own texts with ours.
  useTranslation();
  return (
    <ConfigProvider locale={ANTD_LOCALE[currentLocale()]} theme={theme}>
      {children}
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <AntdProvider>{children}</AntdProvider>
    </QueryClientProvider>
  );
}
