// PostgreSQL text and jsonb cannot hold the NUL character, and a lone UTF-16 surrogate is not text at all
// (it turns into U+FFFD in a column and is refused by jsonb). A JSON body carrying either is refused as a
// whole before any service sees it, so nothing is half-written and nothing is silently altered.

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/**
 * The path (`lines.0.description`) of the first string or key in a parsed JSON value that is not storable
 * text, or null. Iterative, so a deeply nested body cannot exhaust the stack.
 */
// each entry points at its parent, so a path is only built for the bad value (not copied per level)
type Entry = { value: unknown; key: string | null; parent: Entry | null };

export function findUnstorableText(value: unknown): string | null {
  const pending: Entry[] = [{ value, key: null, parent: null }];
  while (pending.length > 0) {
    const entry = pending.pop()!;
    if (typeof entry.value === 'string') {
      if (!isStorableText(entry.value)) return pathOf(entry);
    } else if (entry.value && typeof entry.value === 'object') {
      for (const [key, child] of Object.entries(entry.value)) {
        if (!isStorableText(key)) return pathOf({ value: key, key: '(a key)', parent: entry });
        pending.push({ value: child, key, parent: entry });
      }
    }
  }
  return null;
}

function pathOf(entry: Entry): string {
  const keys: string[] = [];
  for (let at: Entry | null = entry; at; at = at.parent) if (at.key !== null) keys.push(at.key);
  return keys.reverse().join('.') || '_';
}
