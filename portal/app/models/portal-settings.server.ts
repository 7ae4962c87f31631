import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** The single settings row (CHECK id = 1), created by the first migration. */
export class PortalSettings extends Model<InferAttributes<PortalSettings>, InferCreationAttributes<PortalSettings>> {
  declare id: CreationOptional<number>;
  declare companyName: string;
  declare supportEmail: string;
  declare alertRecipients: string[];
  declare brandColor: string;
  declare logoUrl: string | null;
  declare invoicePrefix: string;
  declare paymentTermsDays: number;
  declare reminderDaysBefore: number;
  declare reminderRepeatDays: number;
  declare alertThrottleMinutes: number;
  declare reconcileCron: string;
  declare remindersCron: string;
  declare healthCron: string;
  declare healthSuccessRateThreshold: number;
  declare healthWindowHours: number;
  declare healthMinRuns: number;
  declare healthStuckMinutes: number;
  declare healthNoRunsDays: number;
  declare countManualRuns: boolean;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    PortalSettings.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, defaultValue: 1 },
        companyName: { type: DataTypes.TEXT, allowNull: false },
        supportEmail: { type: DataTypes.TEXT, allowNull: false },
        alertRecipients: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false },
        brandColor: { type: DataTypes.TEXT, allowNull: false },
        logoUrl: { type: DataTypes.TEXT, allowNull: true },
        invoicePrefix: { type: DataTypes.TEXT, allowNull: false },
        paymentTermsDays: { type: DataTypes.INTEGER, allowNull: false },
        reminderDaysBefore: { type: DataTypes.INTEGER, allowNull: false },
        reminderRepeatDays: { type: DataTypes.INTEGER, allowNull: false },
        alertThrottleMinutes: { type: DataTypes.INTEGER, allowNull: false },
        reconcileCron: { type: DataTypes.TEXT, allowNull: false },
        remindersCron: { type: DataTypes.TEXT, allowNull: false },
        healthCron: { type: DataTypes.TEXT, allowNull: false },
        healthSuccessRateThreshold: { type: DataTypes.INTEGER, allowNull: false },
        healthWindowHours: { type: DataTypes.INTEGER, allowNull: false },
        healthMinRuns: { type: DataTypes.INTEGER, allowNull: false },
        healthStuckMinutes: { type: DataTypes.INTEGER, allowNull: false },
        healthNoRunsDays: { type: DataTypes.INTEGER, allowNull: false },
        countManualRuns: { type: DataTypes.BOOLEAN, allowNull: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'portal_settings', underscored: true },
    );
  }
}
