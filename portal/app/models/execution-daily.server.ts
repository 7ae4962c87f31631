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
import type { Workflow } from './workflow.server';

/** Derived from execution_runs by services/rollups; never written any other way. */
export class ExecutionDaily extends Model<InferAttributes<ExecutionDaily>, InferCreationAttributes<ExecutionDaily>> {
  declare id: CreationOptional<string>;
  declare workflowId: ForeignKey<Workflow['id']>;
  declare day: string;
  declare clientId: ForeignKey<Client['id']> | null;
  declare total: number;
  declare success: number;
  declare error: number;
  /** bigint, so it comes back as a string */
  declare sumDurationMs: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare workflow?: NonAttribute<Workflow>;

  static initModel(sequelize: Sequelize) {
    ExecutionDaily.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        workflowId: { type: DataTypes.UUID, allowNull: false },
        day: { type: DataTypes.DATEONLY, allowNull: false },
        clientId: { type: DataTypes.UUID, allowNull: true },
        total: { type: DataTypes.INTEGER, allowNull: false },
        success: { type: DataTypes.INTEGER, allowNull: false },
        error: { type: DataTypes.INTEGER, allowNull: false },
        sumDurationMs: { type: DataTypes.BIGINT, allowNull: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'execution_daily', underscored: true },
    );
  }
}
