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
import type { Client } from './client.server';
import type { N8nInstance } from './n8n-instance.server';

export const WORKFLOW_STATUSES = ['active', 'paused', 'error'] as const;

export class Workflow extends Model<InferAttributes<Workflow>, InferCreationAttributes<Workflow>> {
  declare id: CreationOptional<string>;
  declare instanceId: ForeignKey<N8nInstance['id']>;
  declare n8nWorkflowId: string;
  /** Null until staff (or a client:<slug> tag in n8n) assign it. */
  declare clientId: ForeignKey<Client['id']> | null;
  declare name: CreationOptional<string>;
  declare status: CreationOptional<(typeof WORKFLOW_STATUSES)[number]>;
  declare active: CreationOptional<boolean>;
  declare minutesSavedPerRun: CreationOptional<string>;
  declare expectedIntervalMinutes: number | null;
  declare tags: CreationOptional<string[]>;
  declare archivedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare client?: NonAttribute<Client | null>;
  declare instance?: NonAttribute<N8nInstance>;

  static initModel(sequelize: Sequelize) {
    Workflow.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        instanceId: { type: DataTypes.UUID, allowNull: false },
        n8nWorkflowId: { type: DataTypes.TEXT, allowNull: false, field: 'n8n_workflow_id' },
        clientId: { type: DataTypes.UUID, allowNull: true, defaultValue: null },
        name: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
        status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'active' },
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        minutesSavedPerRun: { type: DataTypes.DECIMAL(8, 2), allowNull: false, defaultValue: '0' },
        expectedIntervalMinutes: { type: DataTypes.INTEGER, allowNull: true, defaultValue: null },
        tags: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
        archivedAt: { type: DataTypes.DATE, allowNull: true, defaultValue: null },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'workflows', underscored: true },
    );
  }
}
