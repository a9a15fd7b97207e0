import { z } from 'zod';

const PositiveId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/**
 * A row's id: a positive whole number, or its digits as text (paths and query strings are
 * text). Nothing else turns into one — `z.coerce` made `true` an id 1 and `[5]` an id 5 in
 * bodies (found by the hostile-input suite).
 */
export const Id = z.union([
  PositiveId,
  z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/)
    .transform(Number)
    .pipe(PositiveId),
]);
export const IdParams = z.strictObject({ id: Id });
export const Pagination = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
/**
 * A long list's pages: by number, or — cheaper and stable while rows are added — after the
 * `next` cursor the previous page gave (then `page` only says which page it is).
 */
export const KeysetPagination = {
  ...Pagination,
  after: z
    .string()
    .max(600)
    .regex(/^[A-Za-z0-9_-]+$/, 'a cursor from a previous page')
    .optional(),
};
/**
 * The body of a PATCH: every field optional and none defaulted, so a field left out is
 * left alone (a `.partial()` of a create body would still fill in its defaults).
 */
type NoDefault<T> = T extends z.ZodDefault<infer I> ? I : T;
export const patchOf = <T extends z.ZodRawShape>(shape: T) =>
  z
    .strictObject(
      Object.fromEntries(
        Object.entries(shape).map(([k, v]) => [k, v instanceof z.ZodDefault ? v.unwrap() : v]),
      ) as { [K in keyof T]: NoDefault<T[K]> },
    )
    .partial();
export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    /** The total was counted only up to `total` (a very long list): there are more. */
    capped: z.boolean().optional(),
    /** Lists paged by cursor: pass as `after` for the page after this one; absent on the last page. */
    next: z.string().optional(),
  });
/** Lists whose totals could run to hundreds of thousands count only this far. */
export const COUNT_CAP = 10_000;
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
/** Names of people and places: trimmed, no control characters, bounded. */
export const Name = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\p{Cc}\p{Cs}]*$/u, 'must not contain control characters');
export const SearchText = z.string().trim().max(100);

export const Phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, 'a mobile (11 digits) or landline number');
/** Resident identity card number: 17 digits and a digit or X. */
export const IdNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/, '18 characters: 17 digits and a digit or X');
export const LocalDate = z.iso.date();

export const Ref = z.object({ id: z.number(), name: z.string() });
