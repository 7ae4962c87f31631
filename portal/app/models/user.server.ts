import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import type { ClientMember } from './client-member.server';

export const USER_ROLES = ['staff', 'client'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: CreationOptional<string>;
  declare email: string;
  declare name: CreationOptional<string>;
  declare passwordHash: string | null;
  declare role: UserRole;
  declare isActive: CreationOptional<boolean>;
  /** Bumped on password change or deactivation; sessions carrying an older value are refused. */
  declare sessionVersion: CreationOptional<number>;
  declare totpSecret: string | null;
  declare totpEnabledAt: Date | null;
  /** SHA-256 hashes of the unused recovery codes; each is removed when used */
  declare recoveryCodes: CreationOptional<string[]>;
  /** the last accepted TOTP time step: a code is accepted once */
  declare totpLastStep: CreationOptional<string | null>;
  declare lastLoginAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare membership?: NonAttribute<ClientMember | null>;

  static initModel(sequelize: Sequelize) {
    User.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        email: { type: DataTypes.TEXT, allowNull: false },
        name: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
        passwordHash: { type: DataTypes.TEXT, allowNull: true, defaultValue: null },
        role: { type: DataTypes.TEXT, allowNull: false },
        isActive: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        sessionVersion: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        totpSecret: { type: DataTypes.TEXT, allowNull: true, defaultValue: null },
        totpEnabledAt: { type: DataTypes.DATE, allowNull: true, defaultValue: null },
        recoveryCodes: { type: DataTypes.JSONB, allowNull: false, defaultValue: [] },
        totpLastStep: { type: DataTypes.BIGINT, allowNull: true, defaultValue: null },
        lastLoginAt: { type: DataTypes.DATE, allowNull: true, defaultValue: null },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'users', underscored: true },
    );
  }
}
