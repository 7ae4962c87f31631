/** What a client sees of a secret after submitting it: the last 4 characters of its longest value. */
export function hintFor(fields: Record<string, string>): string {
  const longest = Object.values(fields).reduce((a, b) => (b.length > a.length ? b : a), '');
  if (longest.length < 8) return '••••';
  return `••••${longest.slice(-4)}`;
}
