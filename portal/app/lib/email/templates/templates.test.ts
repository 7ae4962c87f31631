import { clientWelcome, healthDigest, invoiceCreated, invoiceReminder, passwordReset, ticketCreatedForClient, ticketReplied, userInvite, workflowErrorDigest, workflowFailing, type EmailBranding } from './index';

const branding: EmailBranding = { companyName: 'Brightloop Automation', brandColor: '#0ea5e9', supportEmail: 'support@brightloop.example', publicUrl: 'https://portal.example' };
const ticket = { number: 1042, subject: 'Invoices <missing>', description: 'Since <b>today</b>', priority: 'high', status: 'open' };

describe('email templates', () => {
  it('carry the branding in HTML and text, and link with a button', () => {
    const mail = ticketCreatedForClient({ branding, ticket, clientName: 'Acme', url: 'https://portal.example/tickets/1' });
    expect(mail.subject).toBe('[#1042] We received your request: Invoices <missing>');
    expect(mail.html).toContain('background:#0ea5e9');
    expect(mail.html).toContain('Brightloop Automation');
    expect(mail.html).toContain('mailto:support@brightloop.example');
    expect(mail.html).toContain('href="https://portal.example/tickets/1"');
    expect(mail.text).toContain('View the ticket: https://portal.example/tickets/1');
    expect(mail.text).toContain('support@brightloop.example');
  });

  it('escape what users and n8n wrote', () => {
    const reply = ticketReplied({ branding, ticket, clientName: 'Acme', url: 'https://p/t', reply: { body: '<script>alert(1)</script>\nthanks', authorName: 'Lena "the fixer"' } });
    expect(reply.html).not.toContain('<script>');
    expect(reply.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;<br>thanks');
    expect(reply.html).toContain('Lena &quot;the fixer&quot;');
    expect(reply.html).toContain('Invoices &lt;missing&gt;');
    const failing = workflowFailing({ branding, workflow: { name: 'Sync <x>', clientName: null }, error: { executionId: '7', startedAt: '2026-05-01T10:00:00Z', message: '<img src=x onerror=1>', node: 'HTTP' }, url: 'https://p/w' });
    expect(failing.html).not.toContain('<img');
    expect(failing.text).toContain('<img src=x onerror=1>');
  });

  it('fall back to a safe colour when the stored one is not a colour', () => {
    const mail = invoiceCreated({ branding: { ...branding, brandColor: 'red;background:url(x)' }, invoice: { number: 'INV-2026-0001', amount: '1250.00', currency: 'EUR', issueDate: '2026-05-01', dueDate: '2026-05-15' }, clientName: 'Acme', url: 'https://p/i' });
    expect(mail.html).not.toContain('url(x)');
    expect(mail.subject).toBe('Invoice INV-2026-0001 from Brightloop Automation: €1,250.00');
  });

  it('word each reminder stage', () => {
    const invoice = { number: 'INV-2026-0002', amount: '99.50', currency: 'EUR', issueDate: '2026-05-01', dueDate: '2026-05-15' };
    const subject = (stage: Parameters<typeof invoiceReminder>[0]['stage']) => invoiceReminder({ branding, invoice, clientName: 'Acme', url: 'https://p/i', stage }).subject;
    expect(subject({ kind: 'before', days: 3 })).toBe('Reminder: invoice INV-2026-0002 (€99.50) is due on 2026-05-15');
    expect(subject({ kind: 'due', days: 0 })).toBe('Reminder: invoice INV-2026-0002 (€99.50) is due today');
    expect(subject({ kind: 'overdue', days: 14 })).toBe('Overdue: invoice INV-2026-0002 (€99.50)');
    expect(invoiceReminder({ branding, invoice, clientName: 'Acme', url: 'https://p/i', stage: { kind: 'overdue', days: 14 } }).text).toContain('14 days overdue');
  });

  it('summarise digests', () => {
    const errors = [{ executionId: '8', startedAt: '2026-05-01T10:05:00Z', message: 'Timeout', node: 'Slack' }];
    expect(workflowErrorDigest({ branding, workflow: { name: 'Sync', clientName: 'Acme' }, errors, total: 3, url: 'https://p/w' }).text).toContain('…and 2 more.');
    const health = healthDigest({ branding, opened: [{ workflow: { name: 'Sync', clientName: 'Acme' }, message: 'No run for 3 hours' }], resolved: [], stillOpen: 1, url: 'https://p/a' });
    expect(health.subject).toBe('Workflow health: 1 new problem');
    expect(health.text).toContain('- Sync (Acme): No run for 3 hours');
  });
  it('invite and reset mails carry the one-time link, its expiry and the branding', () => {
    const expiresAt = new Date('2026-12-01T09:30:00Z');
    const invite = userInvite({ branding, name: 'Dana <Lee>', url: 'https://portal.example/set-password/abc', expiresAt, invitedBy: 'Lena', companyName: 'Initech' });
    expect(invite.subject).toBe('You are invited to the Brightloop Automation portal');
    expect(invite.html).toContain('href="https://portal.example/set-password/abc"');
    expect(invite.html).toContain('Hello Dana &lt;Lee&gt;,');
    expect(invite.html).toContain('background:#0ea5e9');
    expect(invite.text).toContain('Choose your password: https://portal.example/set-password/abc');
    expect(invite.text).toContain('Link valid until: 2026-12-01 09:30 UTC');
    expect(invite.text).toContain('Lena invited you to the Initech portal at Brightloop Automation');
    const reset = passwordReset({ branding, name: '', url: 'https://portal.example/set-password/def', expiresAt });
    expect(reset.subject).toBe('Reset your Brightloop Automation portal password');
    expect(reset.text).toContain('Choose a new password: https://portal.example/set-password/def');
    expect(reset.text.startsWith('Reset your password\n\nHello,')).toBe(true);
  });
});

describe('welcome email', () => {
  it('greets the contact, names the plan and links to the portal', () => {
    const mail = clientWelcome({ branding, client: { companyName: 'Acme <Logistics>', contactName: 'Mia', plan: 'Growth' } });
    expect(mail.subject).toBe('Welcome to Brightloop Automation');
    expect(mail.text).toContain('Hello Mia, welcome to Brightloop Automation.');
    expect(mail.text).toContain('Plan: Growth');
    expect(mail.text).toContain('Open the client portal: https://portal.example/');
    expect(mail.html).toContain('Acme &lt;Logistics&gt;');
  });

  it('falls back to the company name when there is no contact, and leaves out an empty plan', () => {
    const mail = clientWelcome({ branding, client: { companyName: 'Globex', contactName: ' ', plan: '' } });
    expect(mail.text).toContain('Hello Globex,');
    expect(mail.text).not.toContain('Plan:');
  });
});
