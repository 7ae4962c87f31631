// Arrays as statement parameters, written as PostgreSQL's array text. pg's own serialization of JS arrays
// allocated about 2 KB per run of the ingest's upsert, and a json document of rows cost the database about
// twice as long to take apart as unnest of one array per column (docs/PERFORMANCE.md).

export type ArrayElement = string | number | boolean | null | undefined;

const ELEMENT_SPECIAL = /["\\]/g;

/**
 * PostgreSQL's array text of `valueOf` of each item: text quoted (a quote or backslash escaped), a boolean
 * as t or f, NULL (null or undefined) unquoted. Written straight from the items, with no array of the
 * values in between.
 */
export function arrayLiteral<T>(items: readonly T[], valueOf: (item: T) => ArrayElement): string {
  let text = '{';
  for (let i = 0; i < items.length; i++) {
    const value = valueOf(items[i]!);
    if (i > 0) text += ',';
    if (value === null || value === undefined) text += 'NULL';
    else if (typeof value === 'number') text += value;
    else if (typeof value === 'boolean') text += value ? 't' : 'f';
    // most text needs no escape: test for the two characters before running the replacement
    else text += value.includes('"') || value.includes('\\') ? `"${value.replace(ELEMENT_SPECIAL, '\\$&')}"` : `"${value}"`;
  }
  return text + '}';
}

/**
 * A relation passed as one array parameter per column: each column's name, PostgreSQL type, and value of an
 * item (`context`: what the values need besides the item, the same for every item).
 */
export type ArrayColumns<T, C = undefined> = readonly (readonly [name: string, type: string, value: (item: T, context: C) => ArrayElement])[];

/** `unnest(...) AS alias(...)` over `columns`, their parameters numbered from `firstParam`. */
export function unnestSql<T, C>(columns: ArrayColumns<T, C>, { firstParam, alias }: { firstParam: number; alias: string }): string {
  return `unnest(${columns.map(([, type], i) => `$${firstParam + i}::${type}[]`).join(', ')}) AS ${alias}(${columns.map(([name]) => name).join(', ')})`;
}

/** The parameters of `unnestSql(columns)` for `items`: one array text per column. */
export function arrayParams<T, C>(columns: ArrayColumns<T, C>, items: readonly T[], context: C): string[] {
  return columns.map(([, , value]) => arrayLiteral(items, (item) => value(item, context)));
}
