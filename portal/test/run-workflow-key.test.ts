import { QueryTypes } from 'sequelize';
import * as migration from '../migrations/2026.11.26T08.00.00.run-workflow-instance-key';
import { ExecutionRun, getDb, Workflow } from '~/models/index.server';
import { recordRuns } from '~/services/ingest.server';
import { buildInstance } from './factories';

// A stored run's workflow belongs to the run's instance: one key on (instance_id, workflow_id) says so.

async function insertRun({ instanceId, workflowId, executionId }: { instanceId: string; workflowId: string; executionId: string }) {
  await getDb().query(
    `INSERT INTO execution_runs (instance_id, n8n_execution_id, workflow_id, status, started_at, source) VALUES ($1, $2, $3, 'success', now(), 'push')`,
    { bind: [instanceId, executionId, workflowId], type: QueryTypes.INSERT },
  );
}

describe('the key between a run, its workflow and its instance', () => {
  it('refuses a run that names a workflow of another instance', async () => {
    const [first, second] = [await buildInstance(), await buildInstance()];
    await recordRuns({ instanceId: first.id, source: 'push', reports: [{ executionId: '1', workflowId: 'wf', status: 'success', startedAt: new Date().toISOString() }] });
    const workflow = (await Workflow.findOne({ where: { instanceId: first.id } }))!;
    await expect(insertRun({ instanceId: second.id, workflowId: workflow.id, executionId: '2' })).rejects.toMatchObject({ parent: { code: '23503', constraint: 'execution_runs_workflow_id_fkey' } });
    await insertRun({ instanceId: first.id, workflowId: workflow.id, executionId: '2' });
    expect(await ExecutionRun.count({ where: { workflowId: workflow.id } })).toBe(2);
    // deleting the workflow still deletes its runs
    await workflow.destroy();
    expect(await ExecutionRun.count({ where: { instanceId: first.id } })).toBe(0);
  });

  it('is built over the stored runs by its migration, and its down migration restores the two keys', async () => {
    const instance = await buildInstance();
    await recordRuns({ instanceId: instance.id, source: 'push', reports: [{ executionId: '7', workflowId: 'wf', status: 'error', startedAt: new Date().toISOString() }] });
    const context = getDb().getQueryInterface();
    const keys = async () =>
      (
        await getDb().query<{ conname: string; columns: string }>(
          `SELECT conname, pg_get_constraintdef(oid) AS columns FROM pg_constraint WHERE conrelid = 'execution_runs'::regclass AND contype = 'f' ORDER BY conname`,
          { type: QueryTypes.SELECT },
        )
      ).map((k) => `${k.conname}: ${k.columns}`);
    await migration.down({ context, name: 'run-workflow-instance-key' });
    expect(await keys()).toEqual([
      'execution_runs_instance_id_fkey: FOREIGN KEY (instance_id) REFERENCES n8n_instances(id) ON DELETE RESTRICT',
      'execution_runs_workflow_id_fkey: FOREIGN KEY (workflow_id) REFERENCES workflows(id) ON DELETE CASCADE',
    ]);
    await migration.up({ context, name: 'run-workflow-instance-key' });
    expect(await keys()).toEqual(['execution_runs_workflow_id_fkey: FOREIGN KEY (instance_id, workflow_id) REFERENCES workflows(instance_id, id) ON DELETE CASCADE']);
    expect(await ExecutionRun.count({ where: { instanceId: instance.id } })).toBe(1);
  });
});
