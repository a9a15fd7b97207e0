import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type TeamMemberRole, useTeamMembers } from './api';

type Option = { value: number; label: string; party: boolean; role: TeamMemberRole };

type Props = {
  id?: string;
  teamId: number;
  value?: number[];
  onChange?: (value: number[]) => void;
  placeholder?: string;
  allowClear?: boolean;
  'data-testid'?: string;
};

/** Several of a team's active members, by person (for naming who fills a team's claim). */
export function TeamMemberSelect({ teamId, value, onChange, placeholder, ...rest }: Props) {
  const { t } = useTranslation();
  const members = useTeamMembers(teamId, { status: 'active', page: 1, pageSize: 200 });
  const options = (members.data?.items ?? []).map(
    (m): Option => ({
      value: m.person.id,
      label: m.person.name,
      party: m.party,
      role: m.role,
    }),
  );
  return (
    <Select<number[], Option>
      {...rest}
      mode="multiple"
      value={value ?? []}
      onChange={(next) => onChange?.(next)}
      loading={members.isFetching}
      placeholder={placeholder ?? t('teams.membersPick')}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      notFoundContent={t('teams.noMembers')}
      optionRender={({ data }) => (
        <span className="gj-region-option">
          <span>{data.label}</span>
          <Typography.Text type="secondary">
            {[t(`teams.role.${data.role}`), ...(data.party ? [t('teams.party')] : [])].join(' · ')}
          </Typography.Text>
        </span>
      )}
    />
  );
}
