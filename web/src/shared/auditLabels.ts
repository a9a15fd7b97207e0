import {
  type Action,
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  type AuditAction,
  type AuditEntityType,
  type AuditEntry,
} from '@contract';
import { useTranslation } from 'react-i18next';

export const isAuditAction = (code: string): code is AuditAction => AUDIT_ACTIONS.some((a) => a === code);
export const isAuditEntityType = (code: string): code is AuditEntityType =>
  AUDIT_ENTITY_TYPES.some((e) => e === code);

type EntityRef = Pick<AuditEntry, 'entityType' | 'entityId' | 'entityLabel'>;

/**
 * The audit trail's codes in words: an action (`project.create` → 新建公益项目), an entity type
 * (`project` → 公益项目) and an entity reference (公益项目「楼道清洁」, or 公益项目 编号 72 when
 * the server knows no name). Every action and type has a label in both languages (the build
 * checks `audit.actions.<domain>.<verb>` and `audit.entity.<type>` for each in contract/audit.ts);
 * one recorded before it was named reads as "<entity> changed", never as its code.
 */
export function useAuditLabels() {
  const { t } = useTranslation();
  const entityType = (type: string) =>
    isAuditEntityType(type) ? t(`audit.entity.${type}`) : t('audit.entity.other');
  const action = (code: string, type: string) =>
    isAuditAction(code) ? t(`audit.actions.${code}`) : t('audit.changed', { entity: entityType(type) });
  const entityRef = (e: EntityRef) =>
    e.entityLabel
      ? t('audit.entityRef', { type: entityType(e.entityType), label: e.entityLabel })
      : t('audit.entityNumbered', { type: entityType(e.entityType), id: e.entityId });
  return { action, entityType, entityRef };
}

/** The console's page of each kind of entity that has one, and what the reader needs to open it. */
const PAGES: Partial<Record<AuditEntityType, { path: string; needs?: Action }>> = {
  project: { path: '/projects' },
  occurrence: { path: '/occurrences' },
  facility: { path: '/facilities' },
  team: { path: '/teams' },
  course: { path: '/courses' },
  body: { path: '/bodies', needs: 'body.read' },
  meeting: { path: '/meetings', needs: 'body.read' },
  notice: { path: '/notices', needs: 'notice.publish' },
  campaign: { path: '/campaigns', needs: 'campaign.manage' },
  evaluation: { path: '/evaluations', needs: 'evaluation.read' },
};

/** Where an audited entity's page is, when it has one the reader may open. */
export function entityPath(e: Pick<AuditEntry, 'entityType' | 'entityId'>, can: (action: Action) => boolean) {
  const page = isAuditEntityType(e.entityType) ? PAGES[e.entityType] : undefined;
  if (!page || (page.needs && !can(page.needs)) || !/^\d+$/.test(e.entityId)) return undefined;
  return `${page.path}/${e.entityId}`;
}
