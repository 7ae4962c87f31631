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

export const MEMBER_ROLES = ['owner', 'member'] as const;

export class ClientMember extends Model<InferAttributes<ClientMember>, InferCreationAttributes<ClientMember>> {
  declare id: CreationOptional<string>;
  declare userId: ForeignKey<User['id']>;
  declare clientId: ForeignKey<Client['id']>;
  declare role: CreationOptional<(typeof MEMBER_ROLES)[number]>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare client?: NonAttribute<Client>;
  declare user?: NonAttribute<User>;

  static initModel(sequelize: Sequelize) {
    ClientMember.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        userId: { type: DataTypes.UUID, allowNull: false },
        clientId: { type: DataTypes.UUID, allowNull: false },
        role: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'member' },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'client_members', underscored: true },
    );
  }
}
