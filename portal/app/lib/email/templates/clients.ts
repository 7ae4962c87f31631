import { detailsTable, detailsText, link, paragraph, renderEmail, type EmailBranding, type RenderedEmail } from './layout';

export type WelcomeClient = { companyName: string; contactName: string; plan: string };

/** The welcome mail staff send a new client (bulk action on /staff/clients): what the portal is and where it is. */
export function clientWelcome({ branding, client }: { branding: EmailBranding; client: WelcomeClient }): RenderedEmail {
  const greeting = `Hello ${client.contactName.trim() || client.companyName},`;
  const intro = `welcome to ${branding.companyName}. Your client portal shows the automations we run for ${client.companyName}: every run, what failed and how much time they save. It is also where you find your invoices, open support tickets and hand us the API keys your workflows need, safely.`;
  const next = 'Your sign-in details come in a separate mail. If you have questions, just reply to this one.';
  const facts: [string, string][] = [
    ['Company', client.companyName],
    ...(client.plan.trim() ? ([['Plan', client.plan.trim()]] as [string, string][]) : []),
    ['Portal', link(branding, '/')],
  ];
  return renderEmail({
    branding,
    subject: `Welcome to ${branding.companyName}`,
    heading: `Welcome, ${client.companyName}`,
    blocks: [paragraph(`${greeting} ${intro}`), detailsTable(facts), paragraph(next)],
    textLines: [`${greeting} ${intro}`, '', ...detailsText(facts), '', next],
    action: { label: 'Open the client portal', url: link(branding, '/') },
  });
}
