import { cast, col, literal, Op, where as sqlWhere, type FindOptions, type Includeable, type Model, type ModelStatic, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import { ApiError } from './errors.server';

// Keyset pagination for every list: rows ordered by (field, id), the cursor holds the last row's pair.
// Pages stay fast at any depth and do not skip or repeat rows when new ones arrive.
// Timestamps go into the cursor with PostgreSQL's full microsecond precision: a JavaScript Date keeps only
// milliseconds, and rows written within one millisecond would otherwise be skipped between pages.

const KEYSET_ATTRIBUTE = '__keyset';

const CursorSchema = z.object({ v: z.union([z.string(), z.number(), z.null()]), id: z.string() });

export type Order = { field: string; direction: 'ASC' | 'DESC' };

export function encodeCursor({ value, id }: { value: unknown; id: string }): string {
  const v = value instanceof Date ? value.toISOString() : (value as string | number | null);
  return Buffer.from(JSON.stringify({ v, id })).toString('base64url');
}

export function decodeCursor(cursor: string): z.infer<typeof CursorSchema> {
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new ApiError('invalid_input', 'Invalid cursor: send back the nextCursor of the previous page', { cursor: ['invalid'] });
  }
}

/** Parses an `order` query value such as "-createdAt" into a field and direction. */
export function parseOrder(order: string): Order {
  return order.startsWith('-') ? { field: order.slice(1), direction: 'DESC' } : { field: order, direction: 'ASC' };
}

export async function paginate<M extends Model>({
  model,
  where = {},
  order,
  limit,
  cursor,
  include,
  attributes,
}: {
  model: ModelStatic<M>;
  where?: WhereOptions;
  order: Order;
  limit: number;
  cursor?: string;
  include?: Includeable[];
  attributes?: FindOptions['attributes'];
}): Promise<{ rows: M[]; nextCursor: string | null }> {
  const { field, direction } = order;
  const comparison = direction === 'ASC' ? Op.gt : Op.lt;
  const attribute = model.getAttributes()[field];
  const columnName = attribute?.field ?? field;
  const column = col(`${model.name}.${columnName}`);
  const isTimestamp = (attribute?.type as { key?: string } | undefined)?.key === 'DATE';
  let keyset: WhereOptions = {};
  if (cursor) {
    const { v, id } = decodeCursor(cursor);
    const value = isTimestamp && typeof v === 'string' ? cast(v, 'timestamptz') : v;
    keyset = { [Op.or]: [sqlWhere(column, comparison, value), { [Op.and]: [sqlWhere(column, Op.eq, value), { id: { [comparison]: id } }] }] };
  }
  const rows = await model.findAll({
    where: { [Op.and]: [where, keyset] },
    order: [
      [field, direction],
      ['id', direction],
    ],
    limit: limit + 1,
    include,
    attributes: isTimestamp ? withExactText({ attributes, sql: `"${model.name}"."${columnName}"::text` }) : attributes,
  });
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  const lastValue = isTimestamp ? last?.get(KEYSET_ATTRIBUTE) : last?.get(field);
  return { rows: page, nextCursor: hasMore && last ? encodeCursor({ value: lastValue, id: last.get('id') as string }) : null };
}

/** Adds the ordering timestamp as PostgreSQL's exact text to the selected attributes. */
function withExactText({ attributes, sql }: { attributes: FindOptions['attributes']; sql: string }): FindOptions['attributes'] {
  const exact: [ReturnType<typeof literal>, string] = [literal(sql), KEYSET_ATTRIBUTE];
  if (Array.isArray(attributes)) return [...attributes, exact];
  return { include: [...(attributes?.include ?? []), exact], exclude: attributes?.exclude ?? [] };
}
