import { App } from 'antd';
import type { useAppProps } from 'antd/es/app/context';
import { useEffect } from 'react';

function Report({ onReady }: { onReady: (api: useAppProps) => void }) {
  const api = App.useApp();
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per api; onReady is a new arrow each render
  useEffect(() => onReady(api), [api]);
  return null;
}

/** antd's message, modal and notification holders (Feedback.tsx loads them after first paint). */
export default function FeedbackHolders({ onReady }: { onReady: (api: useAppProps) => void }) {
  return (
    <App component={false}>
      <Report onReady={onReady} />
    </App>
  );
}
