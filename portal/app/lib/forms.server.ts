import type { z } from 'zod';
import { zodDetails } from './errors.server';

export type FormErrors = Record<string, string[]>;

/** Parses a form with a contract schema: the data, or the errors to show next to each field. */
export async function parseForm<T extends z.ZodType>(request: Request, schema: T): Promise<{ data: z.infer<T>; errors: null } | { data: null; errors: FormErrors; values: Record<string, string> }> {
  const form = await request.formData();
  const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const result = schema.safeParse(values);
  if (result.success) return { data: result.data, errors: null };
  return { data: null, errors: zodDetails(result.error), values };
}
