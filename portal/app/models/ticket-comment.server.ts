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
import type { SupportTicket } from './support-ticket.server';
import type { User } from './user.server';

export class TicketComment extends Model<InferAttributes<TicketComment>, InferCreationAttributes<TicketComment>> {
  declare id: CreationOptional<string>;
  declare ticketId: ForeignKey<SupportTicket['id']>;
  declare authorId: ForeignKey<User['id']> | null;
  declare body: string;
  /** Staff-only notes; never shown to clients. */
  declare internal: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare author?: NonAttribute<User | null>;

  static initModel(sequelize: Sequelize) {
    TicketComment.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        ticketId: { type: DataTypes.UUID, allowNull: false },
        authorId: { type: DataTypes.UUID, allowNull: true, defaultValue: null },
        body: { type: DataTypes.TEXT, allowNull: false },
        internal: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'ticket_comments', underscored: true },
    );
  }
}
