import type { z } from 'zod';

/**
 * A staff list page's filters, parsed with the API's own query schema from the URL (empty fields count as
 * not given). A filter that makes no sense (a forged link) is the 400 page, never a 500.
 */
export function readListQuery<S extends z.ZodType>({ schema, request }: { schema: S; request: Request }): z.infer<S> {
  const values: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) if (value.trim() !== '' && !['done', 'n', 'skipped'].includes(key)) values[key] = value;
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw new Response('This list cannot be filtered like that: check the filters in the address', { status: 400 });
  return parsed.data;
}
