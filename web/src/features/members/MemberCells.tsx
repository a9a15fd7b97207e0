import type { Member } from '@contract';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { zoned } from '../../lib/time';
import { useSpecialtyLabel } from '../../shared/specialties';
import { MembershipStatusTag, RegistrationStatusTag } from '../../shared/tags';

export function SpecialtyTags({ codes }: { codes: readonly string[] }) {
  const { t } = useTranslation();
  const label = useSpecialtyLabel();
  if (codes.length === 0) return <>{t('common.none')}</>;
  return (
    <span className="gj-tags">
      {codes.map((code) => (
        <Tag key={code} color="blue">
          {label(code)}
        </Tag>
      ))}
    </span>
  );
}

export function FreeTags({ tags }: { tags: readonly string[] }) {
  const { t } = useTranslation();
  if (tags.length === 0) return <>{t('common.none')}</>;
  return (
    <span className="gj-tags">
      {tags.map((tag) => (
        <Tag key={tag}>{tag}</Tag>
      ))}
    </span>
  );
}

/** The Party organisation, in-service or retired, and since when; a dash for a non-member. */
export function MembershipCell({ membership }: { membership: Member['membership'] }) {
  const { t } = useTranslation();
  if (!membership) return <Typography.Text type="secondary">{t('members.notMember')}</Typography.Text>;
  return (
    <span className="gj-stack">
      <span>{membership.orgName}</span>
      <span>
        <MembershipStatusTag status={membership.status} />
        <Typography.Text type="secondary">
          {t('members.since', { date: zoned(membership.since).format('YYYY-MM-DD') })}
        </Typography.Text>
      </span>
    </span>
  );
}

export function RegistrationCell({ registration }: { registration: Member['registration'] }) {
  const { t } = useTranslation();
  if (!registration) return <>{t('common.none')}</>;
  return (
    <span className="gj-stack">
      <RegistrationStatusTag status={registration.status} />
      <Typography.Text type="secondary">{registration.communityName}</Typography.Text>
    </span>
  );
}
