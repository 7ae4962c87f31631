import { N8nInstanceCreateSchema, N8nInstanceUpdateSchema, type N8nInstanceCreate, type N8nInstanceUpdate } from '@monoliet/contract';
import type { z } from 'zod';

// The staff n8n instance form as the API's create/update input. The API key is write-only: an empty
// field keeps the stored key, the "remove the key" box removes it.

type Parsed<T> = { input: T; errors: null } | { input: null; errors: Record<string, string[]> };

function detailsOf(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) (errors[String(issue.path[0] ?? 'form')] ??= []).push(issue.message);
  return errors;
}

export function parseInstanceCreate(values: Record<string, string | undefined>): Parsed<N8nInstanceCreate> {
  const result = N8nInstanceCreateSchema.safeParse({
    name: values.name ?? '',
    baseUrl: values.baseUrl ?? '',
    apiKey: values.apiKey ?? null,
    ...(values.identity ? { identity: values.identity } : {}),
    isActive: values.isActive === 'on',
  });
  return result.success ? { input: result.data, errors: null } : { input: null, errors: detailsOf(result.error) };
}

export function parseInstanceUpdate(values: Record<string, string | undefined>): Parsed<N8nInstanceUpdate> {
  const result = N8nInstanceUpdateSchema.safeParse({
    name: values.name ?? '',
    baseUrl: values.baseUrl ?? '',
    ...(values.identity ? { identity: values.identity } : {}),
    isActive: values.isActive === 'on',
    ...(values.removeApiKey === 'on' ? { apiKey: null } : values.apiKey ? { apiKey: values.apiKey } : {}),
  });
  return result.success ? { input: result.data, errors: null } : { input: null, errors: detailsOf(result.error) };
}
