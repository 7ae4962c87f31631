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

/** The history of a ticket: creation and every status, priority or assignee change. */
export class TicketEvent extends Model<InferAttributes<TicketEvent>, InferCreationAttributes<TicketEvent>> {
  declare id: CreationOptional<string>;
  declare ticketId: ForeignKey<SupportTicket['id']>;
  declare actorId: ForeignKey<User['id']> | null;
  declare kind: 'created' | 'status' | 'priority' | 'assignee';
  declare fromValue: string | null;
  declare toValue: string | null;
  declare at: CreationOptional<Date>;
  /** insertion order, to order events of the same instant */
  declare seq: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare actor?: NonAttribute<User | null>;

  static initModel(sequelize: Sequelize) {
    TicketEvent.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        ticketId: { type: DataTypes.UUID, allowNull: false },
        actorId: { type: DataTypes.UUID, allowNull: true, defaultValue: null },
        kind: { type: DataTypes.TEXT, allowNull: false },
        fromValue: { type: DataTypes.TEXT, allowNull: true, defaultValue: null },
        toValue: { type: DataTypes.TEXT, allowNull: true, defaultValue: null },
        at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
        seq: { type: DataTypes.INTEGER, autoIncrement: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'ticket_events', underscored: true },
    );
  }
}
