import { EditOutlined } from '@ant-design/icons';
import { HOUR_KINDS, LEDGER_SOURCES, type LedgerEntry, type LedgerKind, type LedgerTotals } from '@contract';
import {
  Button,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../lib/auth';
import { zoned } from '../../lib/time';
import { useFeedback } from '../../shared/feedback';
import { PlainList } from '../../shared/PlainList';
import { LedgerKindTag } from '../../shared/tags';
import { useLastDefined } from '../../shared/useLastDefined';
import { useCorrectEntry } from './api';

/** At most two decimals, none when whole: 12, 2.5, 0.75. */
export const formatQuantity = (n: number) => String(Math.round(n * 100) / 100);

const isHours = (kind: LedgerKind) => HOUR_KINDS.includes(kind);

/** "2.5 小时" or "3 次"; with a sign when asked (corrections). */
export function useQuantityLabel() {
  const { t } = useTranslation();
  return (kind: LedgerKind, quantity: number, signed = false) => {
    const sign = signed ? (quantity > 0 ? '+' : quantity < 0 ? '−' : '') : quantity < 0 ? '−' : '';
    const value = `${sign}${formatQuantity(Math.abs(quantity))}`;
    return isHours(kind) ? t('ledger.hours', { value }) : t('ledger.times', { value });
  };
}

/** Hours this month and this year, in big figures. */
export function HoursFigures({
  totals,
  small,
  testIdPrefix = 'record',
}: {
  totals: LedgerTotals;
  small?: boolean;
  testIdPrefix?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className={`gj-big-stats${small ? ' gj-big-stats-small' : ''}`}>
      <div className="gj-big-stat">
        <span className="gj-big-number" data-testid={`${testIdPrefix}-hours-month`}>
          {formatQuantity(totals.hoursMonth)}
        </span>
        <span className="gj-big-unit">{t('ledger.hoursUnit')}</span>
        <span className="gj-big-label">{t('ledger.hoursMonth')}</span>
      </div>
      <div className="gj-big-stat">
        <span className="gj-big-number" data-testid={`${testIdPrefix}-hours-year`}>
          {formatQuantity(totals.hoursYear)}
        </span>
        <span className="gj-big-unit">{t('ledger.hoursUnit')}</span>
        <span className="gj-big-label">{t('ledger.hoursYear')}</span>
      </div>
    </div>
  );
}

type KindRow = LedgerTotals['byKind'][number];

/** Each kind of participation this month, this year and in all. */
export function KindTable({ totals }: { totals: LedgerTotals }) {
  const { t } = useTranslation();
  const quantity = useQuantityLabel();
  const rows = totals.byKind.filter((k) => k.all !== 0 || k.year !== 0);
  if (rows.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ledger.empty')} />;
  const columns: TableColumnsType<KindRow> = [
    { title: t('ledger.kind'), dataIndex: 'kind', render: (_, r) => <LedgerKindTag kind={r.kind} /> },
    {
      title: t('ledger.month'),
      dataIndex: 'month',
      align: 'right',
      render: (_, r) => quantity(r.kind, r.month),
    },
    {
      title: t('ledger.year'),
      dataIndex: 'year',
      align: 'right',
      render: (_, r) => quantity(r.kind, r.year),
    },
    { title: t('ledger.all'), dataIndex: 'all', align: 'right', render: (_, r) => quantity(r.kind, r.all) },
  ];
  return (
    <Table<KindRow>
      rowKey="kind"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      data-testid="record-kinds"
    />
  );
}

/** Where an entry came from: its kind of source and label, linked when there is a page for it. */
export function SourceLine({ source }: { source: LedgerEntry['source'] }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { type, id, label } = source;
  const kind = LEDGER_SOURCES.find((k) => k === type);
  const typeLabel = kind ? t(`ledger.source.${kind}`) : t('ledger.sourceOther');
  const link =
    type === 'meeting' && can('body.read')
      ? `/meetings/${id}`
      : type === 'project'
        ? `/projects/${id}`
        : undefined;
  const text = label ?? t('ledger.sourceNumbered', { id });
  return (
    <Typography.Text type="secondary">
      {typeLabel}
      {' · '}
      {link ? <Link to={link}>{text}</Link> : text}
    </Typography.Text>
  );
}

type EntryListProps = {
  entries: readonly LedgerEntry[];
  /** Name whose entry it is (in lists of many people's entries). */
  showWho?: boolean;
  onCorrect?: (entry: LedgerEntry) => void;
};

/** Entries newest first; a correction shows as "更正" with its signed change and its reason. */
export function EntryList({ entries, showWho, onCorrect }: EntryListProps) {
  const { t } = useTranslation();
  const quantity = useQuantityLabel();
  return (
    <PlainList
      items={entries}
      rowKey={(e) => e.id}
      empty={t('ledger.noEntries')}
      render={(e) => {
        const correction = e.correctsId !== null;
        return (
          <div className="gj-card-row" data-testid={`record-entry-${e.id}`} data-correction={correction}>
            <div className="gj-card-row-head">
              <span className="gj-inline">
                <LedgerKindTag kind={e.kind} />
                {correction && (
                  <Tag color="warning" data-testid={`record-correction-${e.id}`}>
                    {t('ledger.correction')}
                  </Tag>
                )}
              </span>
              <strong className={`gj-quantity${e.quantity < 0 ? ' gj-quantity-negative' : ''}`}>
                {quantity(e.kind, e.quantity, correction)}
              </strong>
            </div>
            {showWho && (e.person || e.unit || e.partyOrg) && (
              <span>{[e.person?.name, e.unit?.name, e.partyOrg?.name].filter(Boolean).join(' · ')}</span>
            )}
            <SourceLine source={e.source} />
            {correction && (
              <Typography.Text type="warning">
                {t('ledger.corrects', { id: e.correctsId, reason: e.reason ?? t('common.none') })}
              </Typography.Text>
            )}
            <span className="gj-card-row-head">
              <Typography.Text type="secondary">
                {zoned(e.at).format('YYYY-MM-DD')} · {e.regionName}
              </Typography.Text>
              {onCorrect && e.can.correct && (
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => onCorrect(e)}
                  data-testid={`ledger-correct-${e.id}`}
                >
                  {t('ledger.correct')}
                </Button>
              )}
            </span>
          </div>
        );
      }}
    />
  );
}

type CorrectionValues = { delta: number; reason: string };

/** A correction is a new entry changing the quantity, never an edit; it says why. */
export function CorrectionModal({ entry, onClose }: { entry: LedgerEntry | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CorrectionValues>();
  const correct = useCorrectEntry();
  const feedback = useFeedback();
  const quantity = useQuantityLabel();
  const shown = useLastDefined(entry);

  useEffect(() => {
    if (entry) form.resetFields();
  }, [entry, form]);

  const onFinish = (values: CorrectionValues) => {
    if (!entry) return;
    correct.mutate(
      { id: entry.id, delta: values.delta, reason: values.reason.trim() },
      {
        onSuccess: () => {
          feedback.success(t('ledger.corrected'));
          onClose();
        },
        onError: (error) => feedback.formError(form, error, ['delta', 'reason']),
      },
    );
  };

  return (
    <Modal
      open={entry !== null}
      title={t('ledger.correctTitle')}
      onCancel={onClose}
      onOk={form.submit}
      okText={t('ledger.correct')}
      okButtonProps={{ 'data-testid': 'ledger-correction-submit' }}
      confirmLoading={correct.isPending}
      destroyOnHidden
    >
      {shown && (
        <Typography.Paragraph type="secondary">
          {t('ledger.correctContext', {
            kind: t(`ledgerKind.${shown.kind}`),
            quantity: quantity(shown.kind, shown.quantity),
            date: zoned(shown.at).format('YYYY-MM-DD'),
          })}
        </Typography.Paragraph>
      )}
      <Form<CorrectionValues> form={form} layout="vertical" clearOnDestroy onFinish={onFinish}>
        <Form.Item
          name="delta"
          label={t('ledger.delta')}
          extra={t('ledger.deltaHint')}
          rules={[
            { required: true },
            {
              validator: (_, value: number | undefined) =>
                value === undefined || value !== 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('ledger.deltaZero'))),
            },
          ]}
        >
          <InputNumber<number>
            min={-1000}
            max={1000}
            step={0.5}
            className="gj-fill"
            data-testid="ledger-correction-delta"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('ledger.reason')}
          rules={[
            { required: true, whitespace: true, message: t('ledger.reasonRequired') },
            { min: 2, max: 500 },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="ledger-correction-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
