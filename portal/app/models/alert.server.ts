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
import type { Workflow } from './workflow.server';

export const ALERT_KINDS = ['error', 'stuck', 'missed', 'failure_rate', 'no_runs'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** At most one open alert per workflow and kind (a partial unique index). */
export class Alert extends Model<InferAttributes<Alert>, InferCreationAttributes<Alert>> {
  declare id: CreationOptional<string>;
  declare workflowId: ForeignKey<Workflow['id']>;
  declare kind: AlertKind;
  declare message: CreationOptional<string>;
  declare details: CreationOptional<Record<string, unknown>>;
  declare count: CreationOptional<number>;
  declare openedAt: CreationOptional<Date>;
  declare lastNotifiedAt: Date | null;
  declare resolvedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare workflow?: NonAttribute<Workflow>;

  static initModel(sequelize: Sequelize) {
    Alert.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        workflowId: { type: DataTypes.UUID, allowNull: false },
        kind: { type: DataTypes.TEXT, allowNull: false },
        message: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
        details: { type: DataTypes.JSONB, allowNull: false, defaultValue: {} },
        count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
        openedAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
        lastNotifiedAt: { type: DataTypes.DATE, allowNull: true, defaultValue: null },
        resolvedAt: { type: DataTypes.DATE, allowNull: true, defaultValue: null },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'alerts', underscored: true },
    );
  }
}
