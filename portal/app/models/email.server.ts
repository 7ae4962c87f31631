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

export const EMAIL_STATUSES = ['queued', 'outbox', 'sent', 'failed'] as const;

/** Every mail the portal composes: the dev outbox (no SMTP_URL) and the sent/failed log. */
export class Email extends Model<InferAttributes<Email>, InferCreationAttributes<Email>> {
  declare id: CreationOptional<string>;
  declare template: string;
  declare toAddresses: string[];
  declare subject: string;
  declare html: string;
  declare text: string;
  declare status: CreationOptional<(typeof EMAIL_STATUSES)[number]>;
  declare attempts: CreationOptional<number>;
  declare error: string | null;
  declare sentAt: Date | null;
  declare clientId: ForeignKey<Client['id']> | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    Email.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        template: { type: DataTypes.TEXT, allowNull: false },
        toAddresses: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false },
        subject: { type: DataTypes.TEXT, allowNull: false },
        html: { type: DataTypes.TEXT, allowNull: false },
        text: { type: DataTypes.TEXT, allowNull: false },
        status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'queued' },
        attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        error: { type: DataTypes.TEXT, allowNull: true, defaultValue: null },
        sentAt: { type: DataTypes.DATE, allowNull: true, defaultValue: null },
        clientId: { type: DataTypes.UUID, allowNull: true, defaultValue: null },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'emails', underscored: true },
    );
  }
}
