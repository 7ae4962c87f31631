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
import type { Invoice } from './invoice.server';

/** A reminder stage sent for an invoice; unique per (invoice, stage), so each is sent once. */
export class InvoiceReminder extends Model<InferAttributes<InvoiceReminder>, InferCreationAttributes<InvoiceReminder>> {
  declare id: CreationOptional<string>;
  declare invoiceId: ForeignKey<Invoice['id']>;
  declare stage: string;
  declare sentAt: CreationOptional<Date>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare invoice?: NonAttribute<Invoice>;

  static initModel(sequelize: Sequelize) {
    InvoiceReminder.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        invoiceId: { type: DataTypes.UUID, allowNull: false },
        stage: { type: DataTypes.TEXT, allowNull: false },
        sentAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'invoice_reminders', underscored: true },
    );
  }
}
