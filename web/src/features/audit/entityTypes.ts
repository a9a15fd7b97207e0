import { useTranslation } from 'react-i18next';

export const ENTITY_TYPES = [
  'region',
  'user',
  'role_assignment',
  'session',
  'unit',
  'party_org',
  'person',
  'registration',
  'body',
  'meeting',
  'task',
  'import',
] as const;
type EntityType = (typeof ENTITY_TYPES)[number];

function isEntityType(value: string): value is EntityType {
  return ENTITY_TYPES.some((e) => e === value);
}

/** The localized name of an entity type; types added later show their code until translated. */
export function useEntityLabel() {
  const { t } = useTranslation();
  return (type: string) => (isEntityType(type) ? t(`audit.entity.${type}`) : type);
}

/** The audited actions that have a name; the server may record others, which show their code. */
export const AUDIT_ACTIONS = [
  'region.create',
  'region.update',
  'region.move',
  'region.retire',
  'region.restore',
  'user.create',
  'user.update',
  'user.password_change',
  'user.password_reset',
  'user.unlock',
  'role.grant',
  'role.revoke',
  'session.login',
  'session.logout',
  'session.lockout',
  'unit.create',
  'unit.update',
  'org.create',
  'org.update',
  'person.create',
  'person.update',
  'registration.request',
  'registration.approve',
  'registration.decline',
  'registration.withdraw',
  'body.create',
  'body.update',
  'body.dissolve',
  'body.member_add',
  'body.member_leave',
  'meeting.create',
  'meeting.update',
  'meeting.attendance',
  'meeting.resolution',
  'task.create',
  'task.update',
  'task.note',
  'import.members',
  'import.units',
] as const;
type AuditAction = (typeof AUDIT_ACTIONS)[number];

function isAuditAction(value: string): value is AuditAction {
  return AUDIT_ACTIONS.some((a) => a === value);
}

/** The localized name of an audited action, or its code when it has none yet. */
export function useActionLabel() {
  const { t } = useTranslation();
  return (action: string) => (isAuditAction(action) ? t(`audit.actions.${action}`) : action);
}
