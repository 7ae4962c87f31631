/** A job's payload in one short line for the jobs page (the ids it carries, cut at 120 characters). */
export function summarizePayload(data: Record<string, unknown>): string {
  const text = JSON.stringify(data);
  if (text === '{}') return 'no payload';
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}
