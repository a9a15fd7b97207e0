import { z } from 'zod';

/**
 * 全局搜索: what the console header searches, in the order its groups show. Each kind is its
 * domain's: the domain finds the matches within the reader's scope, as its own list would.
 */
export const SEARCH_KINDS = ['person', 'unit', 'project', 'need', 'facility', 'team'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The most a search answers per kind; `more` says there are others (the kind's list finds them all). */
export const SEARCH_PER_KIND = 5;

export const SearchQuery = z.strictObject({
  /** What to find: part of a name or title, trimmed, 1–50 characters. */
  q: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[^\p{Cc}\p{Cs}]*$/u, 'must not contain control characters'),
});

export const SearchHit = z.object({
  id: z.number(),
  /** The name or title that matched. */
  title: z.string(),
  /** Where it is, or whose it is: a home, a community, a facility's unit. */
  subtitle: z.string().nullable(),
  /** The page that shows it: its own page, or its list filtered to it. */
  link: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchGroup = z.object({
  kind: z.enum(SEARCH_KINDS),
  items: z.array(SearchHit),
  /** More match than the items shown. */
  more: z.boolean(),
  /** The kind's list filtered by the same text, where the reader has one (null: none). */
  link: z.string().nullable(),
});
export type SearchGroup = z.infer<typeof SearchGroup>;

/** The kinds with a match, in SEARCH_KINDS order; none: nothing found. */
export const SearchResults = z.object({ groups: z.array(SearchGroup) });
export type SearchResults = z.infer<typeof SearchResults>;

/** What one domain answers for one kind. */
export type SearchFound = { items: SearchHit[]; more: boolean; link: string | null };
