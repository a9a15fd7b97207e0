import { EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { type Criterion, type Evaluation, type Honour, LEDGER_KINDS, type LedgerKind } from '@contract';
import { Button, DatePicker, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth';
import { type Dayjs, day } from '../../lib/time';
import { FormDrawer } from '../../shared/FormDrawer';
import { useFeedback } from '../../shared/feedback';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { QueryError } from '../../shared/QueryError';
import { SetValuesOnMount } from '../../shared/SetValuesOnMount';
import { SubFormList } from '../../shared/SubFormList';
import { SUBJECT_KIND, type Template, useCreateEvaluation, useEvaluationTemplates } from './api';
import { CriteriaTable } from './EvaluationParts';
import { HonourPicker } from './HonourPicker';

type CriterionValues = {
  key: string;
  label: string;
  kind: LedgerKind;
  pointsPer: number;
  perActCap?: number | null;
  cap?: number | null;
  weight: number;
  includeMembers: boolean;
};
type Values = {
  honour: Honour;
  title: string;
  regionId: number;
  period: [Dayjs, Dayjs];
  criteria?: CriterionValues[];
};
/** Fields the server's messages may name (the period's go to a toast). */
const FIELDS = ['honour', 'title', 'regionId', 'criteria'] as const;
const DAY = 'YYYY-MM-DD';
/** The contract's bounds. */
const MAX_CRITERIA = 20;
const DEFAULT_HONOUR: Honour = 'outstanding_member';

/** The criterion as the contract takes it: no empty caps; members counted only for groups. */
function toCriterion(c: CriterionValues, forGroups: boolean): Criterion {
  return {
    key: c.key,
    label: c.label.trim(),
    kind: c.kind,
    pointsPer: c.pointsPer,
    ...(c.perActCap == null ? {} : { perActCap: c.perActCap }),
    ...(c.cap == null ? {} : { cap: c.cap }),
    weight: c.weight,
    includeMembers: forGroups && c.includeMembers,
  };
}

/** A key the contract accepts (lower-case letters and _), not yet taken: "service_hours_b". */
function newKey(kind: LedgerKind, taken: readonly string[]): string {
  if (!taken.includes(kind)) return kind;
  for (const letter of 'bcdefghijklmnopqrstuvwxyz') {
    const key = `${kind}_${letter}`;
    if (!taken.includes(key)) return key;
  }
  return `${kind}_extra`;
}

const templateOf = (templates: Template[] | undefined, honour: Honour | undefined) =>
  templates?.find((tpl) => tpl.honour === honour)?.criteria;

type Props = {
  open: boolean;
  onClose: () => void;
  onCreated?: (evaluation: Evaluation) => void;
};

/**
 * "发起评选": an honour, its title, area and period. The honour's template sets the criteria;
 * they may be adjusted before the evaluation is created (and its scores computed).
 */
export function EvaluationFormDrawer({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [form] = Form.useForm<Values>();
  const create = useCreateEvaluation();
  const feedback = useFeedback();
  const templates = useEvaluationTemplates(open);
  const [editing, setEditing] = useState(false);
  const honour = Form.useWatch('honour', form) ?? DEFAULT_HONOUR;
  const forGroups = SUBJECT_KIND[honour] !== 'person';
  const template = templateOf(templates.data, honour);

  const autoTitle = (h: Honour, period: [Dayjs, Dayjs] | undefined) =>
    t('evaluations.titleDefault', {
      year: (period?.[1] ?? day()).year(),
      honour: t(`evaluations.honour.${h}`),
    });
  // The title follows the honour and the year until the user writes their own.
  const titleTouched = useRef(false);

  const adminRegion = me.roles.find((r) => r.role === 'district_admin' || r.role === 'street_admin');
  const period: [Dayjs, Dayjs] = [day().startOf('year'), day().endOf('year').startOf('day')];
  const values: Partial<Values> = {
    honour: DEFAULT_HONOUR,
    title: autoTitle(DEFAULT_HONOUR, period),
    regionId: adminRegion?.regionId,
    period,
  };

  const close = () => {
    setEditing(false);
    titleTouched.current = false;
    onClose();
  };

  const startEditing = () => {
    if (!template) return;
    form.setFieldValue(
      'criteria',
      template.map((c) => ({ ...c })),
    );
    setEditing(true);
  };

  const resetToTemplate = () => {
    form.setFieldValue('criteria', undefined);
    setEditing(false);
  };

  const onValuesChange = (changed: Partial<Values>, all: Values) => {
    if ('title' in changed) titleTouched.current = (changed.title ?? '').trim() !== '';
    if ((changed.honour || changed.period) && !titleTouched.current) {
      form.setFieldValue('title', autoTitle(all.honour, all.period));
    }
    // Another honour, other criteria: its template replaces any adjusted ones.
    if (changed.honour && editing) {
      const criteria = templateOf(templates.data, changed.honour);
      if (criteria)
        form.setFieldValue(
          'criteria',
          criteria.map((c) => ({ ...c })),
        );
      else resetToTemplate();
    }
  };

  const onFinish = (values: Values) => {
    const groups = SUBJECT_KIND[values.honour] !== 'person';
    // A criterion added here is keyed by its kind once chosen: "meeting_attended", "meeting_attended_b".
    const taken: string[] = [];
    const edited = editing
      ? (values.criteria ?? []).map((c) => {
          const key = c.key || newKey(c.kind, [...taken, ...(values.criteria ?? []).map((o) => o.key)]);
          taken.push(key);
          return toCriterion({ ...c, key }, groups);
        })
      : undefined;
    const standard = templateOf(templates.data, values.honour)?.map((c) => toCriterion(c, groups));
    // Unchanged criteria are left to the server's template.
    const criteria = edited && JSON.stringify(edited) !== JSON.stringify(standard) ? edited : undefined;
    create.mutate(
      {
        honour: values.honour,
        title: values.title.trim(),
        regionId: values.regionId,
        periodFrom: values.period[0].format(DAY),
        periodTo: values.period[1].format(DAY),
        criteria,
      },
      {
        onSuccess: (created) => {
          feedback.success(t('evaluations.created', { title: created.title }));
          onCreated?.(created);
          close();
        },
        onError: (error) => feedback.formError(form, error, FIELDS),
      },
    );
  };

  return (
    <FormDrawer
      open={open}
      onClose={close}
      title={t('evaluations.create')}
      width={760}
      onSubmit={form.submit}
      submitting={create.isPending}
      submitLabel={t('evaluations.submit')}
      submitTestId="evaluation-form-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        scrollToFirstError
        initialValues={values}
        onValuesChange={onValuesChange}
        onFinish={onFinish}
      >
        <SetValuesOnMount<Values> values={values} />
        <Form.Item name="honour" label={t('evaluations.honourLabel')} rules={[{ required: true }]}>
          <HonourPicker />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('evaluations.title')}
          rules={[
            { required: true, whitespace: true, message: t('evaluations.titleRequired') },
            { min: 2, max: 100 },
          ]}
        >
          <Input data-testid="evaluation-title" />
        </Form.Item>
        <div className="gj-form-pair">
          <Form.Item
            name="regionId"
            label={t('evaluations.region')}
            extra={t('evaluations.regionHint')}
            rules={[{ required: true, message: t('regions.required') }]}
          >
            <RegionSelect kinds={['district', 'street']} data-testid="evaluation-region" />
          </Form.Item>
          <Form.Item
            name="period"
            label={t('evaluations.period')}
            extra={t('evaluations.periodHint')}
            rules={[{ required: true }]}
          >
            <DatePicker.RangePicker className="gj-fill" inputReadOnly data-testid="evaluation-period" />
          </Form.Item>
        </div>
        <div className="gj-section-bar">
          <Typography.Title level={5} className="gj-no-margin">
            {t('evaluations.criteriaLabel')}
          </Typography.Title>
          {editing ? (
            <Button
              size="small"
              icon={<RollbackOutlined />}
              onClick={resetToTemplate}
              data-testid="evaluation-criteria-reset"
            >
              {t('evaluations.useTemplate')}
            </Button>
          ) : (
            <Button
              size="small"
              icon={<EditOutlined />}
              disabled={!template}
              onClick={startEditing}
              data-testid="evaluation-criteria-edit"
            >
              {t('evaluations.editCriteria')}
            </Button>
          )}
        </div>
        {templates.error && <QueryError error={templates.error} onRetry={() => void templates.refetch()} />}
        {!editing && !templates.error && (
          <>
            <Typography.Paragraph type="secondary">
              {t('evaluations.templateHint', { honour: t(`evaluations.honour.${honour}`) })}
            </Typography.Paragraph>
            <CriteriaTable
              criteria={template ?? []}
              honour={honour}
              loading={templates.isPending}
              testId="evaluation-template-criteria"
            />
          </>
        )}
        {editing && (
          <SubFormList
            name="criteria"
            requiredMessage={t('evaluations.criteriaRequired')}
            title={(n) => t('evaluations.criterionN', { n })}
            removeLabel={t('evaluations.removeCriterion')}
            addLabel={t('evaluations.addCriterion')}
            max={MAX_CRITERIA}
            newItem={() =>
              ({
                key: '',
                label: '',
                kind: 'service_hours',
                pointsPer: 1,
                weight: 1,
                includeMembers: forGroups,
              }) satisfies CriterionValues
            }
            testIds={{ item: 'criterion-input', remove: 'criterion-remove', add: 'criterion-add' }}
            itemClassName="gj-role-input"
          >
            {(field, i) => (
              <>
                <Form.Item name={[field.name, 'key']} hidden>
                  <Input />
                </Form.Item>
                <div className="gj-form-pair">
                  <Form.Item
                    name={[field.name, 'label']}
                    label={t('evaluations.criterion.label')}
                    rules={[
                      { required: true, whitespace: true, message: t('evaluations.labelRequired') },
                      { min: 2, max: 60 },
                    ]}
                  >
                    <Input data-testid={`criterion-label-${i}`} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'kind']}
                    label={t('evaluations.criterion.kind')}
                    rules={[{ required: true }]}
                  >
                    <Select<LedgerKind>
                      options={LEDGER_KINDS.map((k) => ({ value: k, label: t(`ledgerKind.${k}`) }))}
                      data-testid={`criterion-kind-${i}`}
                    />
                  </Form.Item>
                </div>
                <div className="gj-form-pair">
                  <Form.Item
                    name={[field.name, 'pointsPer']}
                    label={t('evaluations.criterion.pointsPer')}
                    extra={t('evaluations.pointsPerHint')}
                    rules={[{ required: true }]}
                  >
                    <InputNumber<number>
                      min={0}
                      max={100}
                      step={0.5}
                      suffix={t('evaluations.pointsUnit')}
                      className="gj-fill"
                      data-testid={`criterion-points-${i}`}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'weight']}
                    label={t('evaluations.criterion.weight')}
                    extra={t('evaluations.weightHint')}
                    rules={[{ required: true }]}
                  >
                    <InputNumber<number>
                      min={0}
                      max={10}
                      step={0.1}
                      prefix="×"
                      className="gj-fill"
                      data-testid={`criterion-weight-${i}`}
                    />
                  </Form.Item>
                </div>
                <div className="gj-form-pair">
                  <Form.Item
                    name={[field.name, 'perActCap']}
                    label={t('evaluations.criterion.perActCap')}
                    extra={t('evaluations.perActCapHint')}
                  >
                    <InputNumber<number>
                      min={0}
                      max={1000}
                      suffix={t('evaluations.pointsUnit')}
                      placeholder={t('evaluations.noCap')}
                      className="gj-fill"
                      data-testid={`criterion-act-cap-${i}`}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'cap']}
                    label={t('evaluations.criterion.cap')}
                    extra={t('evaluations.capHint')}
                  >
                    <InputNumber<number>
                      min={0}
                      max={10_000}
                      suffix={t('evaluations.pointsUnit')}
                      placeholder={t('evaluations.noCap')}
                      className="gj-fill"
                      data-testid={`criterion-cap-${i}`}
                    />
                  </Form.Item>
                </div>
                {forGroups && (
                  <Form.Item
                    name={[field.name, 'includeMembers']}
                    label={t('evaluations.criterion.includeMembers')}
                    extra={t('evaluations.includeMembersHint')}
                    valuePropName="checked"
                  >
                    <Switch data-testid={`criterion-members-${i}`} />
                  </Form.Item>
                )}
              </>
            )}
          </SubFormList>
        )}
      </Form>
    </FormDrawer>
  );
}
