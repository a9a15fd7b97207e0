import { Form, Radio, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { useTypeahead, useWithChosen } from '../../shared/pickers/typeahead';
import { useTeam, useTeams } from '../teams';

type TeamSelectProps = {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
  regionId?: number;
  'data-testid'?: string;
};

/** A volunteer team in the area, searched by name. */
function TeamSelect({ value, onChange, regionId, ...rest }: TeamSelectProps) {
  const { t } = useTranslation();
  const { q, searchProps } = useTypeahead();
  const teams = useTeams({ q, regionId, page: 1, pageSize: 20 });
  const { items: all } = useWithChosen(teams.data?.items ?? [], value, useTeam);
  return (
    <Select<number>
      {...rest}
      allowClear
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={all.map((team) => ({ value: team.id, label: team.name }))}
      placeholder={t('notices.audience.anyTeam')}
      {...searchProps}
      loading={teams.isFetching}
      notFoundContent={t('notices.audience.noTeams')}
    />
  );
}

const PARTY_STATUS = ['all', 'in_service', 'retired'] as const;

/** Who a notice reaches: an area of the region tree, narrowed to Party members or a team. */
export function AudienceFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const regionId: number | undefined = Form.useWatch(['audience', 'regionId'], form);
  const partyOnly: boolean | undefined = Form.useWatch(['audience', 'partyOnly'], form);
  return (
    <div data-testid="notice-audience">
      <Form.Item
        name={['audience', 'regionId']}
        label={t('notices.audience.region')}
        extra={t('notices.audience.regionHint')}
        rules={[{ required: true, message: t('regions.required') }]}
      >
        <RegionSelect
          kinds={['district', 'street', 'community', 'building']}
          data-testid="notice-audience-region"
        />
      </Form.Item>
      <div className="gj-pub-audience-switches">
        <Form.Item
          name={['audience', 'partyOnly']}
          valuePropName="checked"
          label={t('notices.audience.partyOnly')}
          className="gj-pub-inline-item"
        >
          <Switch data-testid="notice-audience-party" />
        </Form.Item>
        <Form.Item
          name={['audience', 'unitContacts']}
          valuePropName="checked"
          label={t('notices.audience.unitContacts')}
          className="gj-pub-inline-item"
        >
          <Switch data-testid="notice-audience-units" />
        </Form.Item>
      </div>
      {partyOnly && (
        <Form.Item
          name={['audience', 'partyStatus']}
          label={t('notices.audience.partyStatus')}
          getValueProps={(value: string | undefined) => ({ value: value ?? 'all' })}
          normalize={(value: string) => (value === 'all' ? undefined : value)}
        >
          <Radio.Group
            optionType="button"
            options={PARTY_STATUS.map((s) => ({ value: s, label: t(`notices.audience.status.${s}`) }))}
            data-testid="notice-audience-party-status"
          />
        </Form.Item>
      )}
      <Form.Item
        name={['audience', 'teamId']}
        label={t('notices.audience.team')}
        extra={t('notices.audience.teamHint')}
      >
        <TeamSelect regionId={regionId} data-testid="notice-audience-team" />
      </Form.Item>
      <Typography.Text type="secondary" className="gj-pub-small">
        {t('notices.audience.note')}
      </Typography.Text>
    </div>
  );
}
