import { Sequelize } from 'sequelize';
import { getConfig } from '~/lib/config.server';
import { installChangeHooks } from './change-hooks.server';
import { Alert } from './alert.server';
import { ApiCredential } from './api-credential.server';
import { ApiToken } from './api-token.server';
import { AuditLogEntry } from './audit-log-entry.server';
import { ClientMember } from './client-member.server';
import { Client } from './client.server';
import { Email } from './email.server';
import { ExecutionDaily } from './execution-daily.server';
import { ExecutionRun } from './execution-run.server';
import { InvoiceReminder } from './invoice-reminder.server';
import { Invoice } from './invoice.server';
import { N8nInstance } from './n8n-instance.server';
import { PortalSettings } from './portal-settings.server';
import { SupportTicket } from './support-ticket.server';
import { SyncRun } from './sync-run.server';
import { TicketComment } from './ticket-comment.server';
import { TicketEvent } from './ticket-event.server';
import { UserToken } from './user-token.server';
import { User } from './user.server';
import { WebhookDelivery } from './webhook-delivery.server';
import { WebhookSubscription } from './webhook-subscription.server';
import { Workflow } from './workflow.server';

export {
  Alert,
  ApiCredential,
  ApiToken,
  AuditLogEntry,
  Client,
  ClientMember,
  Email,
  ExecutionDaily,
  ExecutionRun,
  Invoice,
  InvoiceReminder,
  N8nInstance,
  PortalSettings,
  SupportTicket,
  SyncRun,
  TicketComment,
  TicketEvent,
  User,
  UserToken,
  WebhookDelivery,
  WebhookSubscription,
  Workflow,
};

let sequelize: Sequelize | undefined;

/**
 * The one Sequelize instance of this process, created on first use from DATABASE_URL (the embedded
 * database sets it at start). Call it once at start-up (server, CLI, test setup) before using a model.
 */
export function getDb(): Sequelize {
  if (sequelize) return sequelize;
  const url = getConfig().databaseUrl;
  if (!url) throw new Error('DATABASE_URL is not set and no embedded database was started');
  sequelize = new Sequelize(url, {
    dialect: 'postgres',
    logging: false,
    // a request that waits 10 s for a connection is answered 503 + Retry-After (errors.server.ts)
    pool: { max: 10, min: 0, idle: 10_000, acquire: 10_000 },
    define: { underscored: true },
  });
  initModels(sequelize);
  return sequelize;
}

export async function closeDb() {
  const current = sequelize;
  sequelize = undefined;
  await current?.close();
}

function initModels(db: Sequelize) {
  for (const model of [
    Alert,
    ApiCredential,
    ApiToken,
    AuditLogEntry,
    Client,
    ClientMember,
    Email,
    ExecutionDaily,
    ExecutionRun,
    Invoice,
    InvoiceReminder,
    N8nInstance,
    PortalSettings,
    SupportTicket,
    SyncRun,
    TicketComment,
    TicketEvent,
    User,
    UserToken,
    WebhookDelivery,
    WebhookSubscription,
    Workflow,
  ]) {
    model.initModel(db);
  }

  User.hasOne(ClientMember, { as: 'membership', foreignKey: 'userId' });
  ClientMember.belongsTo(User, { as: 'user', foreignKey: 'userId' });
  ClientMember.belongsTo(Client, { as: 'client', foreignKey: 'clientId' });
  Client.hasMany(ClientMember, { as: 'members', foreignKey: 'clientId' });

  ApiToken.belongsTo(User, { as: 'user', foreignKey: 'userId' });
  UserToken.belongsTo(User, { as: 'user', foreignKey: 'userId' });

  Workflow.belongsTo(Client, { as: 'client', foreignKey: 'clientId' });
  Workflow.belongsTo(N8nInstance, { as: 'instance', foreignKey: 'instanceId' });
  Client.hasMany(Workflow, { as: 'workflows', foreignKey: 'clientId' });
  SyncRun.belongsTo(N8nInstance, { as: 'instance', foreignKey: 'instanceId' });

  ExecutionRun.belongsTo(Workflow, { as: 'workflow', foreignKey: 'workflowId' });
  ExecutionDaily.belongsTo(Workflow, { as: 'workflow', foreignKey: 'workflowId' });
  Alert.belongsTo(Workflow, { as: 'workflow', foreignKey: 'workflowId' });

  Invoice.belongsTo(Client, { as: 'client', foreignKey: 'clientId' });
  InvoiceReminder.belongsTo(Invoice, { as: 'invoice', foreignKey: 'invoiceId' });

  SupportTicket.belongsTo(Client, { as: 'client', foreignKey: 'clientId' });
  SupportTicket.belongsTo(User, { as: 'createdBy', foreignKey: 'createdById' });
  SupportTicket.belongsTo(User, { as: 'assignee', foreignKey: 'assigneeId' });
  SupportTicket.belongsTo(Workflow, { as: 'workflow', foreignKey: 'workflowId' });
  SupportTicket.hasMany(TicketComment, { as: 'comments', foreignKey: 'ticketId' });
  SupportTicket.hasMany(TicketEvent, { as: 'events', foreignKey: 'ticketId' });
  TicketComment.belongsTo(User, { as: 'author', foreignKey: 'authorId' });
  TicketEvent.belongsTo(User, { as: 'actor', foreignKey: 'actorId' });

  ApiCredential.belongsTo(Client, { as: 'client', foreignKey: 'clientId' });
  ApiCredential.belongsTo(User, { as: 'submittedBy', foreignKey: 'submittedById' });
  WebhookDelivery.belongsTo(WebhookSubscription, { as: 'subscription', foreignKey: 'subscriptionId' });

  installChangeHooks([ApiToken, User, ClientMember, Client, N8nInstance]);
}
