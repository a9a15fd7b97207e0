/** The metrics' policy as a table: each request × configuration, and the answer. */
import { describe, expect, it } from 'vitest';
import { metricsPolicy, type ScrapeFacts } from './health.policy';

const TOKEN = 'a-metrics-token-of-enough-length';
const allow = ['127.0.0.1', '::1', '10.8.0.0/16'];

// Each request as the server sees it: the client's address (behind a trusted proxy, the one
// it forwarded) and its headers.
const requests: Record<string, ScrapeFacts> = {
  loopback: { ip: '127.0.0.1', headers: {} },
  mappedLoopback: { ip: '::ffff:127.0.0.1', headers: {} },
  ipv6Loopback: { ip: '::1', headers: {} },
  inRange: { ip: '10.8.3.4', headers: {} },
  outOfRange: { ip: '10.9.0.1', headers: {} },
  outsider: { ip: '203.0.113.9', headers: {} },
  outsiderWithToken: { ip: '203.0.113.9', headers: { authorization: `Bearer ${TOKEN}` } },
  outsiderWrongToken: { ip: '203.0.113.9', headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}x` } },
  proxied: { ip: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.9' } },
  proxiedWithToken: {
    ip: '127.0.0.1',
    headers: { 'x-forwarded-for': '203.0.113.9', authorization: `Bearer ${TOKEN}` },
  },
};
type Who = keyof typeof requests;

const cases: [string, (s: ScrapeFacts) => boolean, Who[]][] = [
  [
    'read with a token, no trusted proxy',
    metricsPolicy({ metricsAllow: allow, metricsToken: TOKEN, trustProxy: false }).read,
    ['loopback', 'mappedLoopback', 'ipv6Loopback', 'inRange', 'outsiderWithToken', 'proxiedWithToken'],
  ],
  [
    'read behind a trusted proxy',
    metricsPolicy({ metricsAllow: allow, metricsToken: TOKEN, trustProxy: true }).read,
    [
      'loopback',
      'mappedLoopback',
      'ipv6Loopback',
      'inRange',
      'outsiderWithToken',
      'proxied',
      'proxiedWithToken',
    ],
  ],
  [
    'read with no token configured, loopback only',
    metricsPolicy({ metricsAllow: ['127.0.0.1'], metricsToken: undefined, trustProxy: false }).read,
    ['loopback', 'mappedLoopback'],
  ],
];

describe('health.policy', () => {
  for (const [action, allowed, who] of cases)
    it(`${action}: ${who.join(', ')}`, () => {
      const answers = Object.fromEntries(Object.entries(requests).map(([name, s]) => [name, allowed(s)]));
      const expected = Object.fromEntries(Object.keys(requests).map((name) => [name, who.includes(name)]));
      expect(answers).toEqual(expected);
    });
});
