import { withConnection } from '~/lib/raw-sql.server';
import { arrayLiteral, type ArrayElement } from '~/lib/sql-array.server';

// The ingest hands PostgreSQL its runs and rollup sums as array texts: what arrives must be exactly what
// was sent, whatever a workflow's name or an error message holds.

async function roundTrip(values: ArrayElement[], type: string): Promise<unknown[]> {
  return withConnection(async (sql) => {
    const rows = await sql<{ value: unknown }>(`SELECT value FROM unnest($1::${type}[]) WITH ORDINALITY AS t(value, i) ORDER BY i`, [arrayLiteral(values, (v) => v)]);
    return rows.map((row) => row.value);
  });
}

it('keeps text with quotes, backslashes, commas, braces and spaces exactly', async () => {
  const texts = ['plain', 'say "hi"', 'C:\\path\\to', '\\"', 'a,b', '{braces}', '  padded  ', '', 'NULL', 'null', 'émoji ✓ 🚀', 'line\nbreak', "it's"];
  expect(await roundTrip(texts, 'text')).toEqual(texts);
});

it('sends null and undefined as NULL, and numbers and booleans as themselves', async () => {
  expect(await roundTrip(['a', null, undefined, 'b'], 'text')).toEqual(['a', null, null, 'b']);
  expect(await roundTrip([0, 42, 2_147_483_647, null], 'int')).toEqual([0, 42, 2_147_483_647, null]);
  expect(await roundTrip([true, false, null], 'boolean')).toEqual([true, false, null]);
});

it('makes an empty array of no items', async () => {
  expect(arrayLiteral([], () => 'x')).toBe('{}');
  expect(await roundTrip([], 'text')).toEqual([]);
});
