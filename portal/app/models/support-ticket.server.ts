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
import type { TicketComment } from './ticket-comment.server';
import type { TicketEvent } from './ticket-event.server';
import type { User } from './user.server';
import type { Workflow } from './workflow.server';

export const TICKET_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export const TICKET_STATUSES = ['open', 'in_progress', 'resolved'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export class SupportTicket extends Model<InferAttributes<SupportTicket>, InferCreationAttributes<SupportTicket>> {
  declare id: CreationOptional<string>;
  /** Human-friendly number (#1001, ...) from a sequence. */
  declare number: CreationOptional<number>;
  declare clientId: ForeignKey<Client['id']>;
  declare createdById: ForeignKey<User['id']> | null;
  declare assigneeId: ForeignKey<User['id']> | null;
  declare workflowId: ForeignKey<Workflow['id']> | null;
  declare subject: string;
  declare description: CreationOptional<string>;
  declare priority: CreationOptional<TicketPriority>;
  declare status: CreationOptional<TicketStatus>;
  declare resolvedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare client?: NonAttribute<Client>;
  declare createdBy?: NonAttribute<User | null>;
  declare assignee?: NonAttribute<User | null>;
  declare workflow?: NonAttribute<Workflow | null>;
  declare comments?: NonAttribute<TicketComment[]>;
  declare events?: NonAttribute<TicketEvent[]>;

  static initModel(sequelize: Sequelize) {
    SupportTicket.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        // assigned by the database sequence
        number: { type: DataTypes.INTEGER },
        clientId: { type: DataTypes.UUID, allowNull: false },
        createdById: { type: DataTypes.UUID, allowNull: true, defaultValue: null },
        assigneeId: { type: DataTypes.UUID, allowNull: true, defaultValue: null },
        workflowId: { type: DataTypes.UUID, allowNull: true, defaultValue: null },
        subject: { type: DataTypes.TEXT, allowNull: false },
        description: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
        priority: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'medium' },
        status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'open' },
        resolvedAt: { type: DataTypes.DATE, allowNull: true, defaultValue: null },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'support_tickets', underscored: true },
    );
  }
}
