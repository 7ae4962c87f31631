import { DataTypes, type ModelStatic, type Model } from 'sequelize';

// For the few hot-path reads written in SQL (one statement, several tables): every stored attribute of a
// model under "<prefix>.<attribute>"; nestColumns turns such a row into one plain object per prefix, which
// Model.build accepts as if a finder had loaded it.

export function selectColumns(model: ModelStatic<Model>, alias: string, prefix = alias): string {
  return Object.entries(model.getAttributes())
    .filter(([, attribute]) => !(attribute.type instanceof DataTypes.VIRTUAL))
    .map(([name, attribute]) => `${alias}."${attribute.field ?? name}" AS "${prefix}.${name}"`)
    .join(', ');
}

/** `{ "t.id": 1, "u.id": 2 }` → `{ t: { id: 1 }, u: { id: 2 } }`. */
export function nestColumns(row: Record<string, unknown>): Record<string, Record<string, unknown>> {
  const nested: Record<string, Record<string, unknown>> = {};
  for (const [key, value] of Object.entries(row)) {
    const dot = key.indexOf('.');
    const prefix = key.slice(0, dot);
    (nested[prefix] ??= {})[key.slice(dot + 1)] = value;
  }
  return nested;
}
