import type { AuditEntry } from '@contract';
import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text strong>{title}</Typography.Text>
      {value === null || value === undefined ? (
        <Typography.Paragraph type="secondary">{t('audit.none')}</Typography.Paragraph>
      ) : (
        <pre className="gj-json">{JSON.stringify(value, null, 2)}</pre>
      )}
    </>
  );
}

export function hasChanges(entry: AuditEntry) {
  return entry.before != null || entry.after != null;
}

/** Before and after, side by side (stacked on a phone). */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 8]} data-testid="audit-diff">
      <Col xs={24} md={12}>
        <JsonBlock title={t('audit.before')} value={entry.before} />
      </Col>
      <Col xs={24} md={12}>
        <JsonBlock title={t('audit.after')} value={entry.after} />
      </Col>
    </Row>
  );
}
