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

export const INVOICE_TYPES = ['setup', 'monthly', 'additional'] as const;
export const INVOICE_STATUSES = ['pending', 'paid', 'overdue', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export type InvoiceLine = { description: string; quantity: number; unitAmount: string; amount: string };

export class Invoice extends Model<InferAttributes<Invoice>, InferCreationAttributes<Invoice>> {
  declare id: CreationOptional<string>;
  declare number: string;
  declare numberYear: number;
  declare numberSeq: number;
  declare clientId: ForeignKey<Client['id']>;
  declare type: (typeof INVOICE_TYPES)[number];
  declare lines: InvoiceLine[];
  /** numeric(12,2), so a string */
  declare amount: string;
  declare currency: string;
  declare status: CreationOptional<InvoiceStatus>;
  declare issueDate: string;
  declare dueDate: string;
  declare paidAt: Date | null;
  declare paymentMethod: string | null;
  declare voidedAt: Date | null;
  declare periodStart: string | null;
  declare periodEnd: string | null;
  declare notes: CreationOptional<string>;
  declare stripeInvoiceId: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare client?: NonAttribute<Client>;

  static initModel(sequelize: Sequelize) {
    Invoice.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        number: { type: DataTypes.TEXT, allowNull: false },
        numberYear: { type: DataTypes.INTEGER, allowNull: false },
        numberSeq: { type: DataTypes.INTEGER, allowNull: false },
        clientId: { type: DataTypes.UUID, allowNull: false },
        type: { type: DataTypes.TEXT, allowNull: false },
        lines: { type: DataTypes.JSONB, allowNull: false },
        amount: { type: DataTypes.DECIMAL(12, 2), allowNull: false },
        currency: { type: DataTypes.CHAR(3), allowNull: false },
        status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'pending' },
        issueDate: { type: DataTypes.DATEONLY, allowNull: false },
        dueDate: { type: DataTypes.DATEONLY, allowNull: false },
        paidAt: { type: DataTypes.DATE, allowNull: true, defaultValue: null },
        paymentMethod: { type: DataTypes.TEXT, allowNull: true, defaultValue: null },
        voidedAt: { type: DataTypes.DATE, allowNull: true, defaultValue: null },
        periodStart: { type: DataTypes.DATEONLY, allowNull: true, defaultValue: null },
        periodEnd: { type: DataTypes.DATEONLY, allowNull: true, defaultValue: null },
        notes: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
        stripeInvoiceId: { type: DataTypes.TEXT, allowNull: true, defaultValue: null },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'invoices', underscored: true },
    );
  }
}
