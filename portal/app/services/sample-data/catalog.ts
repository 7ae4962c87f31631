// The demo agency: clients, people and workflows that look like a real n8n agency's book of business.

export const DEMO_STAFF = { email: 'staff@monoliet.local', password: 'staff-demo-password', name: 'Sam Agency' };
export const DEMO_CLIENT = { email: 'maria@acme-logistics.example', password: 'client-demo-password', name: 'Maria Jansen' };

export type SampleClient = {
  slug: string;
  companyName: string;
  contactName: string;
  email: string;
  phone: string;
  status: 'active' | 'paused' | 'churned';
  plan: string;
  setupFee: string;
  monthlyFee: string;
  billingCycle: 'monthly' | 'yearly';
  /** when the client signed: its created_at, so the MRR history has a shape */
  joinedDaysAgo: number;
  users: { email: string; name: string; owner?: boolean }[];
};

export const SAMPLE_CLIENTS: SampleClient[] = [
  {
    slug: 'acme-logistics', companyName: 'Acme Logistics GmbH', contactName: 'Maria Jansen', email: 'ops@acme-logistics.example',
    phone: '+49 30 1234 5678', status: 'active', plan: 'Growth', setupFee: '2500.00', monthlyFee: '1490.00', billingCycle: 'monthly',
    joinedDaysAgo: 340,
    users: [{ email: DEMO_CLIENT.email, name: DEMO_CLIENT.name, owner: true }, { email: 'tom@acme-logistics.example', name: 'Tom Becker' }],
  },
  {
    slug: 'northwind-retail', companyName: 'Northwind Retail BV', contactName: 'Pieter de Vries', email: 'it@northwind.example',
    phone: '+31 20 555 0101', status: 'active', plan: 'Scale', setupFee: '4000.00', monthlyFee: '2900.00', billingCycle: 'monthly',
    joinedDaysAgo: 250,
    users: [{ email: 'pieter@northwind.example', name: 'Pieter de Vries', owner: true }],
  },
  {
    slug: 'bluebird-dental', companyName: 'Bluebird Dental Group', contactName: 'Dr. Emma Walsh', email: 'office@bluebird-dental.example',
    phone: '+44 20 7946 0958', status: 'active', plan: 'Starter', setupFee: '900.00', monthlyFee: '490.00', billingCycle: 'monthly',
    joinedDaysAgo: 190,
    users: [{ email: 'emma@bluebird-dental.example', name: 'Emma Walsh', owner: true }],
  },
  {
    slug: 'helios-energy', companyName: 'Helios Energy AG', contactName: 'Lukas Meier', email: 'automation@helios-energy.example',
    phone: '+41 44 668 1800', status: 'active', plan: 'Enterprise (annual)', setupFee: '6000.00', monthlyFee: '18000.00', billingCycle: 'yearly',
    joinedDaysAgo: 130,
    users: [{ email: 'lukas@helios-energy.example', name: 'Lukas Meier', owner: true }],
  },
  {
    slug: 'papercraft-studio', companyName: 'Papercraft Studio', contactName: 'Ines Costa', email: 'hello@papercraft.example',
    phone: '+351 21 000 1234', status: 'paused', plan: 'Starter', setupFee: '900.00', monthlyFee: '390.00', billingCycle: 'monthly',
    joinedDaysAgo: 300,
    users: [{ email: 'ines@papercraft.example', name: 'Ines Costa', owner: true }],
  },
  {
    slug: 'oldtown-bakery', companyName: 'Oldtown Bakery', contactName: 'Jonas Berg', email: 'jonas@oldtown-bakery.example',
    phone: '+46 8 123 456', status: 'churned', plan: 'Starter', setupFee: '900.00', monthlyFee: '390.00', billingCycle: 'monthly',
    joinedDaysAgo: 280,
    users: [],
  },
];

export type SampleWorkflow = {
  client: string | null;
  name: string;
  /** minutes between scheduled runs; null for webhook-driven workflows */
  intervalMinutes: number | null;
  /** runs a day for webhook-driven workflows */
  perDay?: number;
  failureRate: number;
  avgSeconds: number;
  minutesSaved: number;
  nodes: string[];
  /** currently failing: the last hours are mostly errors */
  failingNow?: boolean;
};

const wf = (client: string | null, name: string, rest: Omit<SampleWorkflow, 'client' | 'name'>): SampleWorkflow => ({ client, name, ...rest });

export const SAMPLE_WORKFLOWS: SampleWorkflow[] = [
  wf('acme-logistics', 'Shopify orders → Exact Online', { intervalMinutes: 15, failureRate: 0.02, avgSeconds: 8, minutesSaved: 4, nodes: ['Shopify', 'Exact Online', 'HTTP Request'] }),
  wf('acme-logistics', 'Carrier tracking updates to customers', { intervalMinutes: 30, failureRate: 0.03, avgSeconds: 12, minutesSaved: 3, nodes: ['HTTP Request', 'Gmail'] }),
  wf('acme-logistics', 'Daily KPI report to Slack', { intervalMinutes: 1440, failureRate: 0.01, avgSeconds: 25, minutesSaved: 30, nodes: ['Postgres', 'Slack'] }),
  wf('acme-logistics', 'Invoice OCR → Xero', { intervalMinutes: null, perDay: 40, failureRate: 0.06, avgSeconds: 18, minutesSaved: 6, nodes: ['OpenAI', 'Xero', 'Code'], failingNow: true }),
  wf('acme-logistics', 'Warehouse stock sync', { intervalMinutes: 60, failureRate: 0.02, avgSeconds: 40, minutesSaved: 5, nodes: ['Google Sheets', 'Postgres'] }),
  wf('acme-logistics', 'Driver timesheet import', { intervalMinutes: 1440, failureRate: 0.04, avgSeconds: 60, minutesSaved: 45, nodes: ['Microsoft Excel 365', 'Personio'] }),
  wf('northwind-retail', 'Lead enrichment (Clearbit → HubSpot)', { intervalMinutes: null, perDay: 60, failureRate: 0.03, avgSeconds: 5, minutesSaved: 5, nodes: ['Clearbit', 'HubSpot'] }),
  wf('northwind-retail', 'Abandoned cart follow-up', { intervalMinutes: 60, failureRate: 0.01, avgSeconds: 9, minutesSaved: 2, nodes: ['Shopify', 'Klaviyo'] }),
  wf('northwind-retail', 'Product feed to Google Merchant', { intervalMinutes: 360, failureRate: 0.05, avgSeconds: 180, minutesSaved: 20, nodes: ['HTTP Request', 'Google Merchant Center'] }),
  wf('northwind-retail', 'Returns portal → Zendesk', { intervalMinutes: null, perDay: 25, failureRate: 0.02, avgSeconds: 4, minutesSaved: 6, nodes: ['Webhook', 'Zendesk'] }),
  wf('northwind-retail', 'Price monitoring', { intervalMinutes: 5, failureRate: 0.015, avgSeconds: 3, minutesSaved: 0.5, nodes: ['HTTP Request', 'Postgres'] }),
  wf('northwind-retail', 'Support ticket triage (GPT)', { intervalMinutes: null, perDay: 80, failureRate: 0.02, avgSeconds: 7, minutesSaved: 3, nodes: ['Zendesk', 'OpenAI'] }),
  wf('northwind-retail', 'Weekly margin report', { intervalMinutes: 10080, failureRate: 0, avgSeconds: 90, minutesSaved: 120, nodes: ['Postgres', 'Gmail'] }),
  wf('bluebird-dental', 'Appointment reminders via Twilio', { intervalMinutes: 60, failureRate: 0.01, avgSeconds: 6, minutesSaved: 10, nodes: ['Google Calendar', 'Twilio'] }),
  wf('bluebird-dental', 'New patient intake → CRM', { intervalMinutes: null, perDay: 12, failureRate: 0.02, avgSeconds: 4, minutesSaved: 12, nodes: ['Typeform', 'Pipedrive'] }),
  wf('bluebird-dental', 'Review requests after visits', { intervalMinutes: 1440, failureRate: 0.02, avgSeconds: 15, minutesSaved: 20, nodes: ['Google Calendar', 'Gmail'] }),
  wf('bluebird-dental', 'No-show follow-up', { intervalMinutes: 1440, failureRate: 0.03, avgSeconds: 10, minutesSaved: 15, nodes: ['Google Calendar', 'Twilio'] }),
  wf('helios-energy', 'Meter readings ingest', { intervalMinutes: 5, failureRate: 0.01, avgSeconds: 2, minutesSaved: 1, nodes: ['MQTT Trigger', 'Postgres'] }),
  wf('helios-energy', 'Outage alerts to on-call', { intervalMinutes: 15, failureRate: 0.01, avgSeconds: 3, minutesSaved: 2, nodes: ['HTTP Request', 'PagerDuty'] }),
  wf('helios-energy', 'Monthly consumption statements', { intervalMinutes: 1440, failureRate: 0.02, avgSeconds: 240, minutesSaved: 90, nodes: ['Postgres', 'HTML to PDF', 'Gmail'] }),
  wf('helios-energy', 'Contract renewals → DocuSign', { intervalMinutes: 1440, failureRate: 0.03, avgSeconds: 20, minutesSaved: 25, nodes: ['Salesforce', 'DocuSign'] }),
  wf('helios-energy', 'Solar forecast import', { intervalMinutes: 60, failureRate: 0.2, avgSeconds: 14, minutesSaved: 4, nodes: ['HTTP Request', 'Code'] }),
  wf('helios-energy', 'Field service scheduling', { intervalMinutes: 30, failureRate: 0.02, avgSeconds: 11, minutesSaved: 6, nodes: ['ServiceNow', 'Google Calendar'] }),
  wf('papercraft-studio', 'Etsy orders → Notion', { intervalMinutes: 60, failureRate: 0.03, avgSeconds: 5, minutesSaved: 4, nodes: ['Etsy', 'Notion'] }),
  wf('papercraft-studio', 'Instagram post scheduler', { intervalMinutes: 1440, failureRate: 0.05, avgSeconds: 12, minutesSaved: 15, nodes: ['Airtable', 'Instagram'] }),
  wf('papercraft-studio', 'Newsletter signups → Mailchimp', { intervalMinutes: null, perDay: 8, failureRate: 0.01, avgSeconds: 2, minutesSaved: 2, nodes: ['Webhook', 'Mailchimp'] }),
  wf('oldtown-bakery', 'Daily pre-orders summary', { intervalMinutes: 1440, failureRate: 0.02, avgSeconds: 6, minutesSaved: 15, nodes: ['Google Sheets', 'Gmail'] }),
  wf(null, 'Agency: n8n backup to S3', { intervalMinutes: 1440, failureRate: 0.01, avgSeconds: 30, minutesSaved: 0, nodes: ['n8n', 'AWS S3'] }),
  wf(null, 'Prospect: Hubspot dedupe (trial)', { intervalMinutes: 360, failureRate: 0.05, avgSeconds: 20, minutesSaved: 3, nodes: ['HubSpot', 'Code'] }),
  wf(null, 'Error handler', { intervalMinutes: null, perDay: 10, failureRate: 0, avgSeconds: 1, minutesSaved: 0, nodes: ['Error Trigger', 'Monoliet'] }),
];

/** Real-looking n8n error messages, by the node that throws them. */
export const ERROR_MESSAGES: Record<string, string[]> = {
  'HTTP Request': [
    'The service was not able to process your request [item 0]: 429 Too Many Requests - Rate limit exceeded',
    'The connection to the server was closed unexpectedly, perhaps it is offline. You can retry the request immediately or wait and retry later.',
    'The resource you are requesting could not be found [item 3]: 404 - {"error":"order not found"}',
    "Timeout of 30000ms exceeded",
  ],
  Code: [
    "Cannot read properties of undefined (reading 'id') [line 12]",
    'Unexpected token < in JSON at position 0 [line 4]',
  ],
  OpenAI: ['The model is overloaded. Please try again later. (429)', 'Bad request - please check your parameters: This model\'s maximum context length is 128000 tokens'],
  Xero: ['Authorization failed - please check your credentials: invalid_grant (Token has been expired or revoked.)'],
  HubSpot: ['Bad request - please check your parameters: Property values were not valid: email "jan@@example.com"'],
  'Google Sheets': ['The caller does not have permission (403)'],
  Postgres: ['duplicate key value violates unique constraint "orders_pkey"', 'Connection terminated due to connection timeout'],
};

export const FALLBACK_ERRORS = ['ECONNRESET: socket hang up', 'getaddrinfo ENOTFOUND api.partner.example'];
