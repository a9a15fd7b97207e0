import { ROLES, type Role } from '@contract';
import { useTranslation } from 'react-i18next';

export function isRole(value: unknown): value is Role {
  return ROLES.some((r) => r === value);
}

export function useRoleOptions() {
  const { t } = useTranslation();
  return ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}
