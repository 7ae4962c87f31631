import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

export class N8nInstance extends Model<InferAttributes<N8nInstance>, InferCreationAttributes<N8nInstance>> {
  declare id: CreationOptional<string>;
  declare name: string;
  declare baseUrl: string;
  /** What the Monoliet node sends to name its n8n (default: the normalised base URL). */
  declare identity: string;
  /** Encrypted with lib/crypto; null for a push-only instance. */
  declare apiKeyEncrypted: string | null;
  declare apiFlavor: 'publish' | 'activate' | null;
  declare isActive: CreationOptional<boolean>;
  declare lastSyncAt: Date | null;
  declare lastSyncStatus: 'running' | 'ok' | 'error' | null;
  declare lastSyncError: string | null;
  declare syncWatermark: Date | null;
  declare syncState: Record<string, unknown> | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    N8nInstance.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        name: { type: DataTypes.TEXT, allowNull: false },
        baseUrl: { type: DataTypes.TEXT, allowNull: false },
        identity: { type: DataTypes.TEXT, allowNull: false },
        apiKeyEncrypted: { type: DataTypes.TEXT, allowNull: true, defaultValue: null },
        apiFlavor: { type: DataTypes.TEXT, allowNull: true, defaultValue: null },
        isActive: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        lastSyncAt: { type: DataTypes.DATE, allowNull: true, defaultValue: null },
        lastSyncStatus: { type: DataTypes.TEXT, allowNull: true, defaultValue: null },
        lastSyncError: { type: DataTypes.TEXT, allowNull: true, defaultValue: null },
        syncWatermark: { type: DataTypes.DATE, allowNull: true, defaultValue: null },
        syncState: { type: DataTypes.JSONB, allowNull: true, defaultValue: null },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'n8n_instances', underscored: true },
    );
  }
}
