import { useAuth } from '../../lib/auth';

/**
 * The community or street an organiser works in (the first such role), where their schedules
 * and calendar start. Others, and a member whose home community the client does not know, get
 * undefined: the server then answers with what they may see.
 */
export function useScopeRegion(): number | undefined {
  const { me } = useAuth();
  const role =
    me.roles.find((r) => r.role === 'community_worker' && r.regionKind === 'community') ??
    me.roles.find((r) => r.role === 'street_admin' && r.regionKind === 'street');
  return role?.regionId;
}
