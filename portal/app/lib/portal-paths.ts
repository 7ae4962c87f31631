// Where mails and webhook payloads link to in the portal. One place, so links follow the routes.
export const PORTAL_PATHS = {
  clientTicket: (id: string) => `/tickets/${id}`,
  staffTicket: (id: string) => `/staff/tickets/${id}`,
  clientInvoice: (id: string) => `/invoices/${id}`,
  staffWorkflow: (id: string) => `/staff/workflows/${id}`,
  staffAlerts: () => '/staff/alerts',
} as const;
