/**
 * Who may read the metrics: a monitoring system, not a person — a session opens nothing here.
 * It reads them with the configured bearer token from anywhere, or without it from an allowed
 * address (GONGJIAN_METRICS_ALLOW, addresses or CIDR ranges; loopback by default). The rule is
 * built once from the configuration; the route asks it
 * (`allow(metricsPolicy(config).read(req))`).
 */
import { timingSafeEqual } from 'node:crypto';
import { BlockList, isIPv6 } from 'node:net';
import type { Config } from '../../config';

/** What the rule reads of a request: the address it came from and two of its headers. */
export type ScrapeFacts = { ip: string; headers: Record<string, string | string[] | undefined> };

export function metricsPolicy(config: Pick<Config, 'metricsAllow' | 'metricsToken' | 'trustProxy'>) {
  const allowed = new BlockList();
  for (const entry of config.metricsAllow) {
    const [address, bits] = entry.split('/') as [string, string | undefined];
    const family = isIPv6(address) ? 'ipv6' : 'ipv4';
    if (bits === undefined) allowed.addAddress(address, family);
    else allowed.addSubnet(address, Number(bits), family);
  }
  const token = config.metricsToken ? Buffer.from(`Bearer ${config.metricsToken}`) : null;

  // Compared in constant time, so the token cannot be guessed a character at a time.
  const bearsToken = (s: ScrapeFacts) => {
    const given = Buffer.from(String(s.headers.authorization ?? ''));
    return token !== null && given.length === token.length && timingSafeEqual(given, token);
  };
  const fromAllowedAddress = (s: ScrapeFacts) => {
    // Through a proxy we do not trust, every client has the proxy's address: only the token opens.
    if (!config.trustProxy && s.headers['x-forwarded-for'] !== undefined) return false;
    // An IPv4 client of a server listening on "::" arrives as ::ffff:a.b.c.d.
    const ip = s.ip.startsWith('::ffff:') ? s.ip.slice(7) : s.ip;
    return allowed.check(ip, isIPv6(ip) ? 'ipv6' : 'ipv4');
  };

  return {
    /** Reads the metrics: with the token from anywhere, or from an allowed address. */
    read: (s: ScrapeFacts) => bearsToken(s) || fromAllowedAddress(s),
  };
}
