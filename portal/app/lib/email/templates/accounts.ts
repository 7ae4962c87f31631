import { detailsTable, detailsText, paragraph, renderEmail, type EmailBranding, type RenderedEmail } from './layout';

// Mails about a person's own account. The link in them sets a password, so they go to that person only.

type LinkMail = { branding: EmailBranding; name: string; url: string; expiresAt: Date };

const greeting = (name: string) => (name ? `Hello ${name},` : 'Hello,');
const expiry = (expiresAt: Date) => `${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** An invitation: staff created an account; the person chooses a password through the link. */
export function userInvite({ branding, name, url, expiresAt, invitedBy, companyName }: LinkMail & { invitedBy: string; companyName: string | null }): RenderedEmail {
  const where = companyName ? `the ${companyName} portal at ${branding.companyName}` : `the ${branding.companyName} portal`;
  const intro = `${invitedBy} invited you to ${where}. Choose a password to sign in.`;
  const details: [string, string][] = [['Link valid until', expiry(expiresAt)]];
  return renderEmail({
    branding,
    subject: `You are invited to the ${branding.companyName} portal`,
    heading: 'Welcome aboard',
    blocks: [paragraph(greeting(name)), paragraph(intro), detailsTable(details), paragraph('The link works once. If it has expired, ask us for a new one.')],
    textLines: [greeting(name), '', intro, '', ...detailsText(details), '', 'The link works once. If it has expired, ask us for a new one.'],
    action: { label: 'Choose your password', url },
  });
}

/** A password reset staff started: the person sets a new password through the link. */
export function passwordReset({ branding, name, url, expiresAt }: LinkMail): RenderedEmail {
  const intro = `We received a request to reset the password of your ${branding.companyName} portal account. Choose a new password with the button below.`;
  const ignore = 'If you did not ask for this, you can ignore this mail: your password stays as it is.';
  const details: [string, string][] = [['Link valid until', expiry(expiresAt)]];
  return renderEmail({
    branding,
    subject: `Reset your ${branding.companyName} portal password`,
    heading: 'Reset your password',
    blocks: [paragraph(greeting(name)), paragraph(intro), detailsTable(details), paragraph(ignore)],
    textLines: [greeting(name), '', intro, '', ...detailsText(details), '', ignore],
    action: { label: 'Choose a new password', url },
  });
}
