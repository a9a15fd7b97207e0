import { CAMPAIGN_KINDS, type Campaign } from '@contract';
import { DatePicker, Descriptions, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Dayjs, day } from '../../lib/time';
import { FormDrawer } from '../../shared/FormDrawer';
import { useFeedback } from '../../shared/feedback';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { SetValuesOnMount } from '../../shared/SetValuesOnMount';
import { useLastDefined } from '../../shared/useLastDefined';
import { type CampaignChanges, type CampaignKind, useCreateCampaign, useUpdateCampaign } from './api';

export type CampaignFormTarget = { mode: 'create' } | { mode: 'edit'; campaign: Campaign };

type Values = {
  kind: CampaignKind;
  title: string;
  theme?: string;
  regionId: number;
  dates: [Dayjs, Dayjs];
};
const FIELDS = ['kind', 'title', 'theme', 'regionId', 'dates', 'startsOn', 'endsOn'] as const;
const DAY = 'YYYY-MM-DD';

type Props = {
  target: CampaignFormTarget | null;
  onClose: () => void;
  onCreated?: (campaign: Campaign) => void;
};

/** A campaign such as a publicity week: its theme, area and dates; courses and notices join it. */
export function CampaignFormDrawer({ target, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateCampaign();
  const update = useUpdateCampaign();
  const feedback = useFeedback();
  const shown = useLastDefined(target);
  const campaign = shown?.mode === 'edit' ? shown.campaign : undefined;

  const onFinish = (values: Values) => {
    const onError = (error: unknown) => feedback.formError(form, error, FIELDS);
    const theme = (values.theme ?? '').trim();
    const startsOn = values.dates[0].format(DAY);
    const endsOn = values.dates[1].format(DAY);
    if (campaign) {
      const changes: CampaignChanges = {};
      if (values.kind !== campaign.kind) changes.kind = values.kind;
      if (values.title.trim() !== campaign.title) changes.title = values.title.trim();
      if (theme !== campaign.theme) changes.theme = theme;
      if (startsOn !== campaign.startsOn) changes.startsOn = startsOn;
      if (endsOn !== campaign.endsOn) changes.endsOn = endsOn;
      if (Object.keys(changes).length === 0) return feedback.success(t('common.noChanges'));
      update.mutate(
        { id: campaign.id, ...changes },
        {
          onSuccess: () => {
            feedback.success(t('common.saved'));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    create.mutate(
      { kind: values.kind, title: values.title.trim(), theme, regionId: values.regionId, startsOn, endsOn },
      {
        onSuccess: (created) => {
          feedback.success(t('campaigns.created', { title: created.title }));
          onCreated?.(created);
          onClose();
        },
        onError,
      },
    );
  };

  // A week from next Monday: a publicity week's usual shape.
  const monday = day()
    .startOf('week')
    .add(day().day() === 0 ? 1 : 8, 'day');
  const initialValues: Partial<Values> = campaign
    ? {
        kind: campaign.kind,
        title: campaign.title,
        theme: campaign.theme,
        dates: [day(campaign.startsOn), day(campaign.endsOn)],
      }
    : { kind: 'publicity_week', dates: [monday, monday.add(6, 'day')] };

  return (
    <FormDrawer
      open={target !== null}
      onClose={onClose}
      title={campaign ? t('campaigns.editTitle', { title: campaign.title }) : t('campaigns.create')}
      onSubmit={form.submit}
      submitting={create.isPending || update.isPending}
      submitLabel={campaign ? t('common.save') : t('common.create')}
      submitTestId="campaign-form-submit"
    >
      {campaign && (
        <Descriptions
          className="gj-form-facts"
          column={1}
          size="small"
          bordered
          items={[{ key: 'region', label: t('campaigns.region'), children: campaign.regionName }]}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        scrollToFirstError
        initialValues={initialValues}
        onFinish={onFinish}
      >
        <SetValuesOnMount<Values> values={initialValues} />
        <Form.Item name="kind" label={t('campaigns.kindLabel')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={CAMPAIGN_KINDS.map((k) => ({ value: k, label: t(`campaigns.kind.${k}`) }))}
            data-testid="campaign-kind"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('campaigns.title')}
          rules={[
            { required: true, whitespace: true, message: t('campaigns.titleRequired') },
            { min: 2, max: 100 },
          ]}
        >
          <Input placeholder={t('campaigns.titlePlaceholder')} data-testid="campaign-title" />
        </Form.Item>
        <Form.Item name="theme" label={t('campaigns.theme')} rules={[{ max: 500 }]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('campaigns.themePlaceholder')}
            data-testid="campaign-theme"
          />
        </Form.Item>
        {!campaign && (
          <Form.Item
            name="regionId"
            label={t('campaigns.region')}
            extra={t('campaigns.regionHint')}
            rules={[{ required: true, message: t('regions.required') }]}
          >
            <RegionSelect kinds={['district', 'street', 'community']} data-testid="campaign-region" />
          </Form.Item>
        )}
        <Form.Item name="dates" label={t('campaigns.dates')} rules={[{ required: true }]}>
          <DatePicker.RangePicker className="gj-fill" inputReadOnly data-testid="campaign-dates" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
