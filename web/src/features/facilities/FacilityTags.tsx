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
export function FacilityOwner({ owner }: { owner: Facility['owner'] }) {
  const { t } = useTranslation();
  return (
    <span className="gj-inline gj-fac-owner">
      {owner.kind === 'unit' ? <BankOutlined /> : <HomeOutlined />}
      <span>{owner.name}</span>
      {owner.kind === 'community' && <Tag>{t('facilities.communityVenue')}</Tag>}
    </span>
  );
}
