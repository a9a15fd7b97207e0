import { BankOutlined, HomeOutlined, LockOutlined } from '@ant-design/icons';
import type { Facility, FacilityKind } from '@contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FacilitySubKind } from './api';

const KIND_COLOR: Record<FacilityKind, string> = {
  education: 'geekblue',
  sports: 'green',
  culture: 'purple',
  health: 'cyan',
};

export function FacilityKindTag({ kind }: { kind: FacilityKind }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLOR[kind]}>{t(`facilities.kind.${kind}`)}</Tag>;
}

export function SubKindTag({ subKind }: { subKind: FacilitySubKind }) {
  const { t } = useTranslation();
  return <Tag>{t(`facilities.subKind.${subKind}`)}</Tag>;
}

/** Kind and sub-kind together. */
export function FacilityKindTags({ facility }: { facility: Pick<Facility, 'kind' | 'subKind'> }) {
  return (
    <span className="gj-tags">
      <FacilityKindTag kind={facility.kind} />
      <SubKindTag subKind={facility.subKind} />
    </span>
  );
}

/** Taken out of the catalogue: it takes no more bookings. */
export function FacilityRetiredTag() {
  const { t } = useTranslation();
  return <Tag data-testid="facility-retired">{t('facilities.retiredTag')}</Tag>;
}

/** Its bookings wait for the owner's decision. */
export function ApprovalTag() {
  const { t } = useTranslation();
  return (
    <Tag color="gold" icon={<LockOutlined />} data-testid="facility-needs-approval">
      {t('facilities.needsApproval')}
    </Tag>
  );
}

/** Whose it is: a unit's, or the community's own venue. */
export function FacilityOwner({ owner, tag = true }: { owner: Facility['owner']; tag?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="gj-fac-owner">
      {owner.kind === 'unit' ? <BankOutlined /> : <HomeOutlined />} {owner.name}
      {tag && owner.kind === 'community' && (
        <Tag className="gj-fac-owner-tag">{t('facilities.communityVenue')}</Tag>
      )}
    </span>
  );
}

/** Where it stands: the community, unless that is its owner already. */
export const showsCommunity = (f: Pick<Facility, 'owner' | 'communityName'>) =>
  f.owner.kind === 'unit' || f.owner.name !== f.communityName;
