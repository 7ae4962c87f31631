import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** Append-only (a trigger refuses updates and deletes). */
export class AuditLogEntry extends Model<InferAttributes<AuditLogEntry>, InferCreationAttributes<AuditLogEntry>> {
  declare id: CreationOptional<string>;
  declare actorId: string | null;
  declare actorLabel: CreationOptional<string>;
  declare action: string;
  declare targetType: string | null;
  declare targetId: string | null;
  declare clientId: string | null;
  declare ip: string | null;
  declare metadata: CreationOptional<Record<string, unknown>>;
  declare at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    AuditLogEntry.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        actorId: { type: DataTypes.UUID, allowNull: true, defaultValue: null },
        actorLabel: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
        action: { type: DataTypes.TEXT, allowNull: false },
        targetType: { type: DataTypes.TEXT, allowNull: true, defaultValue: null },
        targetId: { type: DataTypes.TEXT, allowNull: true, defaultValue: null },
        clientId: { type: DataTypes.UUID, allowNull: true, defaultValue: null },
        ip: { type: DataTypes.TEXT, allowNull: true, defaultValue: null },
        metadata: { type: DataTypes.JSONB, allowNull: false, defaultValue: {} },
        at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
      },
      { sequelize, tableName: 'audit_log', underscored: true, timestamps: false },
    );
  }
}
