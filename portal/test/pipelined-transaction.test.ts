import { QueryTypes } from 'sequelize';
import { getDb } from '~/models/index.server';
import { withConnection, withPipelinedTransaction } from '~/lib/raw-sql.server';

// The ingest's transactions send their statements without waiting for the answers of the ones before. What
// they store must still be all or nothing, in the order the statements were issued.

const notes = async () => (await getDb().query<{ note: string }>('SELECT note FROM pipeline_notes ORDER BY id', { type: QueryTypes.SELECT })).map((row) => row.note);

beforeEach(async () => {
  await getDb().query('CREATE TABLE IF NOT EXISTS pipeline_notes (id serial PRIMARY KEY, note text NOT NULL CHECK (note <> \'\'))');
  await getDb().query('TRUNCATE pipeline_notes');
});

describe('a pipelined transaction', () => {
  it('commits the statements it did not wait for, in the order they were issued', async () => {
    const value = await withPipelinedTransaction(async (sql) => {
      const [first] = await sql<{ id: number }>(`INSERT INTO pipeline_notes (note) VALUES ('first') RETURNING id`);
      const unawaited = ['second', 'third'].map((note) => sql('INSERT INTO pipeline_notes (note) VALUES ($1)', [note]));
      return { value: first!.id, unawaited };
    });
    expect(typeof value).toBe('number');
    expect(await notes()).toEqual(['first', 'second', 'third']);
  });

  it('stores nothing when a statement it did not wait for fails, and throws that statement\'s error', async () => {
    await expect(
      withPipelinedTransaction(async (sql) => {
        await sql(`INSERT INTO pipeline_notes (note) VALUES ('kept only if all succeed')`);
        const unawaited = ['', 'after the failure'].map((note) => sql('INSERT INTO pipeline_notes (note) VALUES ($1)', [note]));
        return { value: null, unawaited };
      }),
    ).rejects.toMatchObject({ code: '23514', constraint: 'pipeline_notes_note_check' });
    expect(await notes()).toEqual([]);
  });

  it('rolls back when its work throws, and leaves the connection fit for the next user', async () => {
    await expect(
      withPipelinedTransaction(async (sql) => {
        await sql(`INSERT INTO pipeline_notes (note) VALUES ('rolled back')`);
        throw new Error('the work changed its mind');
      }),
    ).rejects.toThrow('the work changed its mind');
    expect(await notes()).toEqual([]);
    // the pool's connections are back in their usual one-statement-at-a-time mode, outside any transaction
    for (let i = 0; i < 3; i++) {
      const [state] = await withConnection((sql) => sql<{ status: string }>(`SELECT CASE WHEN now() = statement_timestamp() THEN 'outside' ELSE 'inside' END AS status`));
      expect(state!.status).toBe('outside');
    }
  });
});
