import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

export const CLIENT_STATUSES = ['active', 'paused', 'churned'] as const;
export const BILLING_CYCLES = ['monthly', 'yearly'] as const;

export class Client extends Model<InferAttributes<Client>, InferCreationAttributes<Client>> {
  declare id: CreationOptional<string>;
  declare slug: string;
  declare companyName: string;
  declare contactName: CreationOptional<string>;
  declare email: string;
  declare billingEmail: string | null;
  declare phone: CreationOptional<string>;
  declare status: CreationOptional<(typeof CLIENT_STATUSES)[number]>;
  declare plan: CreationOptional<string>;
  declare setupFee: CreationOptional<string>;
  /** The fee billed each cycle: a yearly client's yearly fee. */
  declare monthlyFee: CreationOptional<string>;
  declare currency: CreationOptional<string>;
  declare billingCycle: CreationOptional<(typeof BILLING_CYCLES)[number]>;
  declare nextBillingDate: string | null;
  declare notes: CreationOptional<string>;
  declare churnedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    Client.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        slug: { type: DataTypes.TEXT, allowNull: false },
        companyName: { type: DataTypes.TEXT, allowNull: false },
        contactName: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
        email: { type: DataTypes.TEXT, allowNull: false },
        billingEmail: { type: DataTypes.TEXT, allowNull: true, defaultValue: null },
        phone: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
        status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'active' },
        plan: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
        setupFee: { type: DataTypes.DECIMAL(12, 2), allowNull: false, defaultValue: '0' },
        monthlyFee: { type: DataTypes.DECIMAL(12, 2), allowNull: false, defaultValue: '0' },
        currency: { type: DataTypes.CHAR(3), allowNull: false, defaultValue: 'EUR' },
        billingCycle: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'monthly' },
        nextBillingDate: { type: DataTypes.DATEONLY, allowNull: true, defaultValue: null },
        notes: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
        churnedAt: { type: DataTypes.DATE, allowNull: true, defaultValue: null },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'clients', underscored: true },
    );
  }
}
