import type { RegionKind, Role } from '@contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const KIND_COLOR: Record<RegionKind, string> = {
  district: 'red',
  street: 'volcano',
  community: 'orange',
  building: 'geekblue',
  entrance: 'cyan',
};

const ROLE_COLOR: Record<Role, string> = {
  district_admin: 'red',
  street_admin: 'volcano',
  community_worker: 'orange',
  unit_contact: 'gold',
  party_member: 'magenta',
  resident: 'blue',
  lecturer: 'purple',
};

export function RegionKindTag({ kind }: { kind: RegionKind }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLOR[kind]}>{t(`regionKind.${kind}`)}</Tag>;
}

export function RoleTag({ role, regionName }: { role: Role; regionName?: string }) {
  const { t } = useTranslation();
  const label = t(`roles.${role}`);
  return (
    <Tag color={ROLE_COLOR[role]}>
      {regionName ? t('roles.atRegion', { role: label, region: regionName }) : label}
    </Tag>
  );
}

export function RetiredTag() {
  const { t } = useTranslation();
  return <Tag>{t('regions.retired')}</Tag>;
}
