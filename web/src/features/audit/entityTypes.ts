import { useTranslation } from 'react-i18next';

export const ENTITY_TYPES = ['region', 'user', 'role_assignment', 'session'] as const;
type EntityType = (typeof ENTITY_TYPES)[number];

function isEntityType(value: string): value is EntityType {
  return ENTITY_TYPES.some((e) => e === value);
}

/** The localized name of an entity type; types added later show their code until translated. */
export function useEntityLabel() {
  const { t } = useTranslation();
  return (type: string) => (isEntityType(type) ? t(`audit.entity.${type}`) : type);
}
