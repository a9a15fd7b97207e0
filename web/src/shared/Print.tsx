import { PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zoned } from '../lib/time';

/**
 * 打印: a record, a roster or minutes printed hold their content only — app/print.css hides
 * the menu, the header and every control marked `no-print`. A paged list shows all its rows
 * (up to PRINT_ROWS, the API's largest page) while the print dialog is open.
 */
export const PRINT_ROWS = 200;

export type PrintRequest = { asked: boolean; ask: () => void; done: () => void };

/** A request to print, shared by the button that asks and the list that must show all its rows first. */
export function usePrintRequest(): PrintRequest {
  const [asked, setAsked] = useState(false);
  const ask = useCallback(() => setAsked(true), []);
  const done = useCallback(() => setAsked(false), []);
  return { asked, ask, done };
}

/** Opens the print dialog once asked and what is printed is on the page; then the page is as it was. */
export function usePrintWhenReady(request: PrintRequest, ready: boolean) {
  const { asked, done } = request;
  useEffect(() => {
    if (!asked || !ready) return;
    // After the rows have been painted, not in the render that brought them.
    const frame = requestAnimationFrame(() => {
      window.print();
      done();
    });
    return () => cancelAnimationFrame(frame);
  }, [asked, ready, done]);
}

/** The 打印 button; `onPrint` when a list must first show all its rows, else the page prints as it is. */
export function PrintButton({ onPrint, testId = 'print' }: { onPrint?: () => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Button
      className="no-print"
      icon={<PrinterOutlined aria-hidden />}
      onClick={onPrint ?? (() => window.print())}
      data-testid={testId}
    >
      {t('print.button')}
    </Button>
  );
}

/** Printed only: under the title, whose it is (when the title does not say) and when it was printed (district time). */
export function PrintStamp({ subject }: { subject?: string }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => zoned(Date.now()));
  useEffect(() => {
    const update = () => setNow(zoned(Date.now()));
    window.addEventListener('beforeprint', update);
    return () => window.removeEventListener('beforeprint', update);
  }, []);
  return (
    <p className="print-only gj-print-stamp" data-testid="print-stamp">
      {subject && <span>{subject}</span>}
      <span>{t('print.printedAt', { time: now.format('YYYY-MM-DD HH:mm') })}</span>
    </p>
  );
}
