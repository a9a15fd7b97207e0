import { EditOutlined } from '@ant-design/icons';
import type { Member } from '@contract';
import { Button, Descriptions, Drawer, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { zoned } from '../../lib/time';
import { QueryError } from '../../shared/QueryError';
import { MembershipStatusTag } from '../../shared/tags';
import { useIsMobile } from '../../shared/useIsMobile';
import { useLastDefined } from '../../shared/useLastDefined';
import { ResetCodeAction } from '../accounts';
import { LedgerPanel } from '../ledger';
import { useMember } from './api';
import { FreeTags, RegistrationCell, SpecialtyTags } from './MemberCells';

type Props = {
  memberId: number | undefined;
  onClose: () => void;
  /** Offered where the page edits people; shown for a person the reader may edit (`member.can.edit`). */
  onEdit?: (member: Member) => void;
};

export function MemberDetailDrawer({ memberId, onClose, onEdit }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const shownId = useLastDefined(memberId);
  const { data: member, error, refetch } = useMember(shownId);
  const dash = t('common.none');
  const membership = member?.membership;

  return (
    <Drawer
      open={memberId !== undefined}
      onClose={onClose}
      title={member?.name ?? t('members.detail')}
      size={isMobile ? '100%' : 560}
      destroyOnHidden
      extra={
        member?.can.edit &&
        onEdit && (
          <Button icon={<EditOutlined />} onClick={() => onEdit(member)}>
            {t('common.edit')}
          </Button>
        )
      }
    >
      <div data-testid="member-detail">
        {error && <QueryError error={error} onRetry={() => void refetch()} />}
        {!member && !error && <Skeleton active />}
        {member && (
          <>
            <Descriptions
              column={1}
              size="small"
              bordered
              items={[
                { key: 'gender', label: t('members.gender'), children: t(`gender.${member.gender}`) },
                { key: 'birthYear', label: t('members.birthYear'), children: member.birthYear ?? dash },
                {
                  key: 'phone',
                  label: t('members.phone'),
                  children: member.phone ? <span className="gj-code">{member.phone}</span> : dash,
                },
                {
                  key: 'idNumber',
                  label: t('members.idNumber'),
                  children: member.idNumber ? <span className="gj-code">{member.idNumber}</span> : dash,
                },
                { key: 'home', label: t('members.home'), children: member.homeLabel },
                {
                  key: 'specialties',
                  label: t('members.specialties'),
                  children: <SpecialtyTags codes={member.specialties} />,
                },
                { key: 'tags', label: t('members.tags'), children: <FreeTags tags={member.tags} /> },
                {
                  key: 'account',
                  label: t('members.account'),
                  // A reset code for the person's account, where the reader may issue one (accounts says).
                  children: member.userId ? (
                    <Space size={12} wrap>
                      {t('common.yes')}
                      <ResetCodeAction userId={member.userId} />
                    </Space>
                  ) : (
                    t('common.no')
                  ),
                },
              ]}
            />
            {member.masked && (
              <Typography.Paragraph type="secondary" className="gj-section">
                {t('members.maskedNote')}
              </Typography.Paragraph>
            )}
            <Descriptions
              className="gj-section"
              title={t('members.membership')}
              column={1}
              size="small"
              bordered
              items={
                membership
                  ? [
                      { key: 'org', label: t('members.org'), children: membership.orgName },
                      { key: 'unit', label: t('members.unit'), children: membership.unitName ?? dash },
                      {
                        key: 'status',
                        label: t('members.membershipStatus'),
                        children: <MembershipStatusTag status={membership.status} />,
                      },
                      {
                        key: 'since',
                        label: t('members.sinceLabel'),
                        children: zoned(membership.since).format('YYYY-MM-DD'),
                      },
                      {
                        key: 'registration',
                        label: t('members.registration'),
                        children: <RegistrationCell registration={member.registration} />,
                      },
                    ]
                  : [{ key: 'none', label: t('members.party'), children: t('members.notMember') }]
              }
            />
            {member.can.seeRecord && <LedgerPanel subject={{ personId: member.id }} />}
          </>
        )}
      </div>
    </Drawer>
  );
}
