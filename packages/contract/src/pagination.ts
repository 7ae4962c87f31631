import { z } from 'zod';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 250;

/** Query of every list route: `?limit=&cursor=` plus the route's own filters and `order`. */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(500).optional(),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

/**
 * The one shape of every list response: `{ data: [...], nextCursor }`. `nextCursor` is opaque and null on
 * the last page; send it back as `cursor` (with the same filters) for the next page.
 */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}
export type Page<T> = { data: T[]; nextCursor: string | null };
