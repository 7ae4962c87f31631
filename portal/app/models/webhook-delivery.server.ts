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
import type { WebhookSubscription } from './webhook-subscription.server';

export class WebhookDelivery extends Model<InferAttributes<WebhookDelivery>, InferCreationAttributes<WebhookDelivery>> {
  declare id: CreationOptional<string>;
  declare subscriptionId: ForeignKey<WebhookSubscription['id']>;
  declare event: string;
  declare payload: Record<string, unknown>;
  declare status: CreationOptional<'pending' | 'delivered' | 'failed'>;
  declare attempts: CreationOptional<number>;
  declare lastStatusCode: number | null;
  declare lastError: string | null;
  declare deliveredAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare subscription?: NonAttribute<WebhookSubscription>;

  static initModel(sequelize: Sequelize) {
    WebhookDelivery.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        subscriptionId: { type: DataTypes.UUID, allowNull: false },
        event: { type: DataTypes.TEXT, allowNull: false },
        payload: { type: DataTypes.JSONB, allowNull: false },
        status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'pending' },
        attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        lastStatusCode: { type: DataTypes.INTEGER, allowNull: true, defaultValue: null },
        lastError: { type: DataTypes.TEXT, allowNull: true, defaultValue: null },
        deliveredAt: { type: DataTypes.DATE, allowNull: true, defaultValue: null },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'webhook_deliveries', underscored: true },
    );
  }
}
