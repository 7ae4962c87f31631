import type { Migration } from './types';

// A run referenced its instance and its workflow with two foreign keys, so nothing kept the two in line (a
// run of instance A could name a workflow of instance B), and every stored run paid two key checks. One
// key on (instance_id, workflow_id) says both: the run's workflow belongs to the run's instance, and the
// instance exists because the workflow references it. It keeps the workflow key's name, which the ingest
// recognises when a workflow was deleted under it. Building it checks every stored run once.
export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE workflows ADD CONSTRAINT workflows_instance_id_id_key UNIQUE (instance_id, id);
    ALTER TABLE execution_runs DROP CONSTRAINT execution_runs_workflow_id_fkey, DROP CONSTRAINT execution_runs_instance_id_fkey;
    ALTER TABLE execution_runs ADD CONSTRAINT execution_runs_workflow_id_fkey
      FOREIGN KEY (instance_id, workflow_id) REFERENCES workflows (instance_id, id) ON DELETE CASCADE;
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE execution_runs DROP CONSTRAINT execution_runs_workflow_id_fkey;
    ALTER TABLE execution_runs
      ADD CONSTRAINT execution_runs_instance_id_fkey FOREIGN KEY (instance_id) REFERENCES n8n_instances (id) ON DELETE RESTRICT,
      ADD CONSTRAINT execution_runs_workflow_id_fkey FOREIGN KEY (workflow_id) REFERENCES workflows (id) ON DELETE CASCADE;
    ALTER TABLE workflows DROP CONSTRAINT workflows_instance_id_id_key;
  `);
};
