import type { Me } from '@contract';
import type { Locale } from '../../lib/i18n';

/**
 * The user's guide is docs/guide: one Markdown page per role in Chinese (`<page>.md`) with the
 * English beside it (`<page>.en.md`), an index (README), and the screenshots the browser tests
 * take (`img/<page>-<step>.png`). The console shows the same files, so the guide a reader opens
 * here is the one in the repository; each page is downloaded when first opened.
 */
export const GUIDE_PAGES = [
  'district-admin',
  'street-admin',
  'community-worker',
  'unit-contact',
  'party-member',
  'resident',
  'lecturer',
] as const;
export type GuidePage = (typeof GUIDE_PAGES)[number];
/** The index of all the roles' pages (README.md). */
export const OVERVIEW = 'overview';
export type GuideTarget = GuidePage | typeof OVERVIEW;

type RoleCode = Me['roles'][number]['role'];

/** Each role's page; its name is the role code with hyphens. */
export const PAGE_OF_ROLE: Record<RoleCode, GuidePage> = {
  district_admin: 'district-admin',
  street_admin: 'street-admin',
  community_worker: 'community-worker',
  unit_contact: 'unit-contact',
  party_member: 'party-member',
  resident: 'resident',
  lecturer: 'lecturer',
};

export const ROLE_OF_PAGE = Object.fromEntries(
  Object.entries(PAGE_OF_ROLE).map(([role, page]) => [page, role]),
) as Record<GuidePage, RoleCode>;

const DIR = '../../../../docs/guide/';
const sources = import.meta.glob<string>('../../../../docs/guide/*.md', { query: '?raw', import: 'default' });
const images = import.meta.glob<string>('../../../../docs/guide/img/*.png', {
  query: '?url',
  import: 'default',
  eager: true,
});

export const isGuideTarget = (name: string | undefined): name is GuideTarget =>
  name === OVERVIEW || GUIDE_PAGES.some((p) => p === name);

/** The reader's own pages, in the order of their roles. */
export const pagesOf = (me: Me): GuidePage[] => [...new Set(me.roles.map((r) => PAGE_OF_ROLE[r.role]))];

/** A page's Markdown in a language (Chinese when the English is missing). */
export async function loadGuide(target: GuideTarget, locale: Locale): Promise<string> {
  const base = `${DIR}${target === OVERVIEW ? 'README' : target}`;
  const load = (locale === 'en' ? sources[`${base}.en.md`] : undefined) ?? sources[`${base}.md`];
  if (!load) throw new Error(`docs/guide has no page ${target}`);
  return load();
}

/** A screenshot's address from its path in the Markdown (`img/resident-needs.png`). */
export const imageUrl = (src: string | undefined) =>
  src ? (images[`${DIR}${src.replace(/^\.\//, '')}`] ?? src) : undefined;

/**
 * Where a link between guide pages goes in the console (`resident.en.md` → /help/resident, in
 * English), else none: the language of the file linked to becomes the console's.
 */
export function helpLink(href: string | undefined): { to: string; locale: Locale } | undefined {
  const match = href?.match(/^(?:\.\/)?([a-z-]+|README)(\.en)?\.md(#.*)?$/i);
  if (!match?.[1]) return undefined;
  const name = match[1] === 'README' ? OVERVIEW : match[1];
  if (!isGuideTarget(name)) return undefined;
  return { to: `/help/${name}${match[3] ?? ''}`, locale: match[2] ? 'en' : 'zh-CN' };
}
