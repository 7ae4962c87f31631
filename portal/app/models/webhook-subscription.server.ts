import {
  DataTypes,
  Model,
  type CreationOptional,
  type ForeignKey,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import type { Client } from './client.server';
import type { User } from './user.server';

export class WebhookSubscription extends Model<InferAttributes<WebhookSubscription>, InferCreationAttributes<WebhookSubscription>> {
  declare id: CreationOptional<string>;
  declare targetUrl: string;
  declare events: string[];
  /** The HMAC signing secret, encrypted with lib/crypto. */
  declare secretEncrypted: string;
  /** Set when a client created it: it then only receives that client's events. */
  declare clientId: ForeignKey<Client['id']> | null;
  declare createdById: ForeignKey<User['id']> | null;
  declare description: CreationOptional<string>;
  declare isActive: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    WebhookSubscription.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        targetUrl: { type: DataTypes.TEXT, allowNull: false },
        events: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false },
        secretEncrypted: { type: DataTypes.TEXT, allowNull: false },
        clientId: { type: DataTypes.UUID, allowNull: true, defaultValue: null },
        createdById: { type: DataTypes.UUID, allowNull: true, defaultValue: null },
        description: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
        isActive: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'webhook_subscriptions', underscored: true },
    );
  }
}
