import { useAuth } from '../../lib/auth';

/** Roles that keep a community's venues and the units in their area. */
const AREA_ROLES = ['community_worker', 'street_admin', 'district_admin'] as const;

/** Who may keep the new facility: a unit's contact their unit; an area's staff the community or a unit. */
export function useFacilityOwners() {
  const { me } = useAuth();
  const contact = me.roles.find((r) => r.role === 'unit_contact' && r.unitId !== null);
  const area = me.roles.find((r) => AREA_ROLES.some((role) => role === r.role));
  return {
    unit: contact ? { id: contact.unitId as number, name: contact.unitName ?? '' } : undefined,
    area: area ? { regionId: area.regionId, regionKind: area.regionKind, name: area.regionName } : undefined,
  };
}
