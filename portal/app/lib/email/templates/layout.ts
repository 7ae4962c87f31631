// The frame every mail shares: the agency's name and colour, a heading, the body, an optional button and
// the support address. HTML uses tables and inline styles because mail clients ignore stylesheets.

export type EmailBranding = { companyName: string; brandColor: string; supportEmail: string; publicUrl: string };
export type RenderedEmail = { subject: string; html: string; text: string };

export type EmailContent = {
  branding: EmailBranding;
  subject: string;
  heading: string;
  /** HTML blocks, already escaped (use `escapeHtml`/`paragraph`/`detailsTable`) */
  blocks: string[];
  /** the same content as plain-text lines */
  textLines: string[];
  action?: { label: string; url: string };
};

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export function paragraph(text: string): string {
  return `<p style="margin:0 0 16px;font-size:15px;line-height:1.6;color:#334155">${escapeHtml(text)}</p>`;
}

/** A quoted block of user-written text (ticket descriptions, replies, error messages), newlines kept. */
export function quote(text: string): string {
  const body = escapeHtml(text).replaceAll('\n', '<br>');
  return `<div style="margin:0 0 16px;padding:12px 16px;border-left:3px solid #cbd5e1;background:#f8fafc;font-size:14px;line-height:1.6;color:#334155">${body}</div>`;
}

export function detailsTable(rows: [string, string][]): string {
  const cells = rows
    .map(([label, value]) => `<tr><td style="padding:6px 16px 6px 0;font-size:14px;color:#64748b;white-space:nowrap;vertical-align:top">${escapeHtml(label)}</td><td style="padding:6px 0;font-size:14px;color:#0f172a">${escapeHtml(value)}</td></tr>`)
    .join('');
  return `<table role="presentation" style="margin:0 0 16px;border-collapse:collapse">${cells}</table>`;
}

export function detailsText(rows: [string, string][]): string[] {
  return rows.map(([label, value]) => `${label}: ${value}`);
}

export function renderEmail({ branding, subject, heading, blocks, textLines, action }: EmailContent): RenderedEmail {
  const color = /^#[0-9a-fA-F]{6}$/.test(branding.brandColor) ? branding.brandColor : '#4f46e5';
  const button = action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:${color};color:#ffffff;font-size:14px;font-weight:600;text-decoration:none">${escapeHtml(action.label)}</a></p>`
    : '';
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f1f5f9;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif">
<table role="presentation" width="100%" style="border-collapse:collapse;background:#f1f5f9"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" width="100%" style="max-width:600px;border-collapse:collapse;background:#ffffff;border-radius:12px;overflow:hidden">
<tr><td style="padding:20px 32px;background:${color};color:#ffffff;font-size:16px;font-weight:700">${escapeHtml(branding.companyName)}</td></tr>
<tr><td style="padding:32px">
<h1 style="margin:0 0 20px;font-size:20px;line-height:1.4;color:#0f172a">${escapeHtml(heading)}</h1>
${blocks.join('\n')}
${button}
</td></tr>
<tr><td style="padding:20px 32px;border-top:1px solid #e2e8f0;font-size:12px;line-height:1.6;color:#64748b">Questions? Write to <a href="mailto:${escapeHtml(branding.supportEmail)}" style="color:${color}">${escapeHtml(branding.supportEmail)}</a>.<br>${escapeHtml(branding.companyName)}</td></tr>
</table></td></tr></table></body></html>`;
  const text = [
    heading,
    '',
    ...textLines,
    ...(action ? ['', `${action.label}: ${action.url}`] : []),
    '',
    '--',
    `${branding.companyName} · Questions? Write to ${branding.supportEmail}`,
  ].join('\n');
  return { subject, html, text };
}

export function link(branding: EmailBranding, path: string): string {
  return `${branding.publicUrl.replace(/\/+$/, '')}${path}`;
}
