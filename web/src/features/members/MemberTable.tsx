import { EditOutlined, EyeOutlined } from '@ant-design/icons';
import type { Member } from '@contract';
import { Button, Space, type TableColumnsType, type TablePaginationConfig, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EntityTable } from '../../shared/EntityTable';
import { MembershipCell, RegistrationCell, SpecialtyTags } from './MemberCells';

type Props = {
  members: Member[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  onView: (member: Member) => void;
  /** Offered where the page edits people; shown on the people the reader may edit (`can.edit`). */
  onEdit?: (member: Member) => void;
};

export function MemberTable({ members, loading, pagination, onView, onEdit }: Props) {
  const { t } = useTranslation();
  const dash = t('common.none');
  const columns: TableColumnsType<Member> = [
    {
      title: t('members.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 100,
      render: (name: string, member) => (
        <Typography.Link onClick={() => onView(member)} data-testid={`member-view-${member.id}`}>
          {name}
        </Typography.Link>
      ),
    },
    {
      title: t('members.gender'),
      dataIndex: 'gender',
      width: 90,
      render: (_, m) => t(`gender.${m.gender}`),
    },
    {
      title: t('members.birthYear'),
      dataIndex: 'birthYear',
      width: 90,
      render: (year: number | null) => year ?? dash,
    },
    {
      title: t('members.phone'),
      dataIndex: 'phone',
      width: 130,
      render: (phone: string | null) => (phone ? <span className="gj-code gj-nowrap">{phone}</span> : dash),
    },
    { title: t('members.home'), dataIndex: 'homeLabel', width: 200 },
    {
      title: t('members.specialties'),
      dataIndex: 'specialties',
      width: 180,
      render: (_, m) => <SpecialtyTags codes={m.specialties} />,
    },
    {
      title: t('members.membership'),
      key: 'membership',
      width: 220,
      render: (_, m) => <MembershipCell membership={m.membership} />,
    },
    {
      title: t('members.registration'),
      key: 'registration',
      width: 150,
      render: (_, m) => <RegistrationCell registration={m.registration} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: onEdit ? 150 : 90,
      render: (_, member) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => onView(member)}>
            {t('common.view')}
          </Button>
          {onEdit && member.can.edit && (
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={() => onEdit(member)}
              data-testid={`member-edit-${member.id}`}
            >
              {t('common.edit')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <EntityTable<Member>
      items={members}
      loading={loading}
      pagination={pagination}
      columns={columns}
      scrollX={1300}
      empty={t('members.empty')}
      testId="member-table"
      rowData={(m) => ({ 'data-testid': `member-row-${m.id}` })}
      card={(m) => (
        <>
          <div className="gj-card-row-head">
            <Typography.Link strong onClick={() => onView(m)} data-testid={`member-view-${m.id}`}>
              {m.name}
            </Typography.Link>
            <Typography.Text type="secondary">
              {[t(`gender.${m.gender}`), m.birthYear].filter(Boolean).join(' · ')}
            </Typography.Text>
          </div>
          <Typography.Text type="secondary">
            {m.homeLabel}
            {m.phone && <span className="gj-code"> · {m.phone}</span>}
          </Typography.Text>
          {m.specialties.length > 0 && <SpecialtyTags codes={m.specialties} />}
          <div className="gj-card-row-head">
            <MembershipCell membership={m.membership} />
            {m.registration && <RegistrationCell registration={m.registration} />}
          </div>
          {onEdit && m.can.edit && (
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => onEdit(m)}
              data-testid={`member-edit-${m.id}`}
            >
              {t('common.edit')}
            </Button>
          )}
        </>
      )}
    />
  );
}
