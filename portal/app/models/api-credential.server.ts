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
import type { User } from './user.server';

export const CREDENTIAL_TYPES = ['api_key', 'oauth2', 'basic_auth', 'bearer_token', 'other'] as const;
export const CREDENTIAL_STATUSES = ['pending', 'active', 'invalid', 'revoked'] as const;

/** A client's secret for a service. The values are encrypted and never returned, except by an audited reveal. */
export class ApiCredential extends Model<InferAttributes<ApiCredential>, InferCreationAttributes<ApiCredential>> {
  declare id: CreationOptional<string>;
  declare clientId: ForeignKey<Client['id']>;
  declare serviceName: string;
  declare credentialType: (typeof CREDENTIAL_TYPES)[number];
  /** null once revoked: the values are wiped */
  declare encryptedData: string | null;
  declare hint: CreationOptional<string>;
  declare status: CreationOptional<(typeof CREDENTIAL_STATUSES)[number]>;
  declare notes: CreationOptional<string>;
  declare submittedById: ForeignKey<User['id']> | null;
  declare lastVerified: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare client?: NonAttribute<Client>;
  declare submittedBy?: NonAttribute<User | null>;

  static initModel(sequelize: Sequelize) {
    ApiCredential.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        clientId: { type: DataTypes.UUID, allowNull: false },
        serviceName: { type: DataTypes.TEXT, allowNull: false },
        credentialType: { type: DataTypes.TEXT, allowNull: false },
        encryptedData: { type: DataTypes.TEXT, allowNull: true },
        hint: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
        status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'pending' },
        notes: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
        submittedById: { type: DataTypes.UUID, allowNull: true, defaultValue: null },
        lastVerified: { type: DataTypes.DATE, allowNull: true, defaultValue: null },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'api_credentials', underscored: true },
    );
  }
}
