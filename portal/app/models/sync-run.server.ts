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

export class SyncRun extends Model<InferAttributes<SyncRun>, InferCreationAttributes<SyncRun>> {
  declare id: CreationOptional<string>;
  declare instanceId: ForeignKey<N8nInstance['id']>;
  declare trigger: 'schedule' | 'manual' | 'cli';
  declare status: CreationOptional<'queued' | 'running' | 'ok' | 'error'>;
  declare startedAt: CreationOptional<Date>;
  declare finishedAt: Date | null;
  declare pages: CreationOptional<number>;
  declare executionsSeen: CreationOptional<number>;
  declare runsInserted: CreationOptional<number>;
  declare runsUpdated: CreationOptional<number>;
  declare workflowsSynced: CreationOptional<number>;
  declare error: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare instance?: NonAttribute<N8nInstance>;

  static initModel(sequelize: Sequelize) {
    SyncRun.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        instanceId: { type: DataTypes.UUID, allowNull: false },
        trigger: { type: DataTypes.TEXT, allowNull: false },
        status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'running' },
        startedAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
        finishedAt: { type: DataTypes.DATE, allowNull: true, defaultValue: null },
        pages: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        executionsSeen: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        runsInserted: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        runsUpdated: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        workflowsSynced: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        error: { type: DataTypes.TEXT, allowNull: true, defaultValue: null },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'sync_runs', underscored: true },
    );
  }
}
