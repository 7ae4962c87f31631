import {
  DataTypes,
  Model,
  type CreationOptional,
  type ForeignKey,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import type { N8nInstance } from './n8n-instance.server';
import type { Workflow } from './workflow.server';

export const EXECUTION_STATUSES = ['canceled', 'crashed', 'error', 'new', 'running', 'success', 'unknown', 'waiting'] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

/** One row per n8n execution, keyed by (instance, n8n execution id). */
export class ExecutionRun extends Model<InferAttributes<ExecutionRun>, InferCreationAttributes<ExecutionRun>> {
  declare id: CreationOptional<string>;
  declare instanceId: ForeignKey<N8nInstance['id']>;
  declare n8nExecutionId: string;
  declare workflowId: ForeignKey<Workflow['id']>;
  declare status: ExecutionStatus;
  declare mode: CreationOptional<string>;
  declare startedAt: Date;
  declare stoppedAt: Date | null;
  declare durationMs: number | null;
  declare errorMessage: string | null;
  declare errorNode: string | null;
  declare retryOf: string | null;
  declare itemCount: number | null;
  declare source: 'push' | 'backfill';
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare workflow?: NonAttribute<Workflow>;

  static initModel(sequelize: Sequelize) {
    ExecutionRun.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        instanceId: { type: DataTypes.UUID, allowNull: false },
        n8nExecutionId: { type: DataTypes.TEXT, allowNull: false, field: 'n8n_execution_id' },
        workflowId: { type: DataTypes.UUID, allowNull: false },
        status: { type: DataTypes.TEXT, allowNull: false },
        mode: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'unknown' },
        startedAt: { type: DataTypes.DATE, allowNull: false },
        stoppedAt: { type: DataTypes.DATE, allowNull: true, defaultValue: null },
        durationMs: { type: DataTypes.INTEGER, allowNull: true, defaultValue: null },
        errorMessage: { type: DataTypes.TEXT, allowNull: true, defaultValue: null },
        errorNode: { type: DataTypes.TEXT, allowNull: true, defaultValue: null },
        retryOf: { type: DataTypes.TEXT, allowNull: true, defaultValue: null },
        itemCount: { type: DataTypes.INTEGER, allowNull: true, defaultValue: null },
        source: { type: DataTypes.TEXT, allowNull: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'execution_runs', underscored: true },
    );
  }
}
