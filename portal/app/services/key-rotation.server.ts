import { QueryTypes } from 'sequelize';
import { decrypt, encrypt, keyIdOf } from '~/lib/crypto.server';
import { getConfig } from '~/lib/config.server';
import { getDb } from '~/models/index.server';
import { ENCRYPTED_COLUMNS } from './secrets.server';

const BATCH = 200;

export type RotationProgress = { table: string; done: number; total: number };

/**
 * Re-encrypts every secret that is not under the first key of ENCRYPTION_KEYS. Each batch commits on its
 * own, so an interrupted rotation simply continues on the next run; rows already on the current key are
 * skipped. A value no configured key can open stops the rotation with an error naming its row.
 */
export async function rotateEncryptionKeys({ onProgress }: { onProgress?: (p: RotationProgress) => void } = {}) {
  const current = getConfig().encryptionKeys[0]!.id;
  const db = getDb();
  const rotated: Record<string, number> = {};
  for (const { table, column, context } of Object.values(ENCRYPTED_COLUMNS)) {
    const stale = `${column} IS NOT NULL AND split_part(${column}, ':', 2) <> $1`;
    const [{ count }] = await db.query<{ count: string }>(`SELECT count(*) FROM ${table} WHERE ${stale}`, {
      bind: [current],
      type: QueryTypes.SELECT,
    });
    const total = Number(count);
    rotated[table] = 0;
    while (rotated[table]! < total) {
      const moved = await db.transaction(async (transaction) => {
        const rows = await db.query<{ id: string; value: string }>(
          `SELECT id, ${column} AS value FROM ${table} WHERE ${stale} ORDER BY id LIMIT ${BATCH} FOR UPDATE`,
          { bind: [current], transaction, type: QueryTypes.SELECT },
        );
        for (const row of rows) {
          let plaintext: string;
          try {
            plaintext = decrypt({ ciphertext: row.value, context });
          } catch (error) {
            throw new Error(`${table} ${row.id} (key "${keyIdOf(row.value)}"): ${(error as Error).message}`);
          }
          await db.query(`UPDATE ${table} SET ${column} = $1 WHERE id = $2`, {
            bind: [encrypt({ plaintext, context }), row.id],
            transaction,
          });
        }
        return rows.length;
      });
      if (moved === 0) break;
      rotated[table]! += moved;
      onProgress?.({ table, done: rotated[table]!, total });
    }
  }
  return { currentKey: current, rotated };
}
