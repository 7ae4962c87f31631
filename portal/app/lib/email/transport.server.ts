import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { getConfig } from '../config.server';

export type OutgoingMail = { to: string[]; subject: string; html: string; text: string };

/** `rejected`: the server refused for good (5xx, e.g. an unknown mailbox); `transient`: try again later. */
export type MailError = { kind: 'rejected' | 'transient'; message: string };
export type MailResult = { ok: true; messageId: string } | { ok: false; error: MailError };

let cached: { url: string; transporter: Transporter } | undefined;

/** Whether mails go out over SMTP (`SMTP_URL`) or stay in the outbox that staff read at /staff/emails. */
export function isSmtpConfigured(): boolean {
  return Boolean(getConfig().smtpUrl);
}

/** Sends one mail over SMTP_URL. Expected failures come back as values. */
export async function sendMail(mail: OutgoingMail): Promise<MailResult> {
  const { smtpUrl, smtpFrom } = getConfig();
  if (!smtpUrl) return { ok: false, error: { kind: 'transient', message: 'SMTP_URL is not set' } };
  try {
    const info = await transporterFor(smtpUrl).sendMail({ from: smtpFrom, to: mail.to, subject: mail.subject, html: mail.html, text: mail.text });
    const rejected = info.rejected ?? [];
    if (rejected.length > 0) {
      return { ok: false, error: { kind: 'rejected', message: `The mail server refused ${rejected.map(String).join(', ')}` } };
    }
    return { ok: true, messageId: info.messageId };
  } catch (error) {
    return { ok: false, error: classify(error) };
  }
}

function transporterFor(url: string): Transporter {
  if (cached?.url !== url) {
    cached?.transporter.close();
    // fail fast when the server is down; the job queue retries later (settings in the URL win)
    const transporter = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as SMTPTransport.Options);
    cached = { url, transporter };
  }
  return cached.transporter;
}

function classify(error: unknown): MailError {
  const failure = error as { responseCode?: number; code?: string; message?: string; response?: string };
  const message = (failure.response ?? failure.message ?? String(error)).slice(0, 500);
  // 5xx answers to the envelope or the message are final; connection problems and 4xx are not
  if (failure.responseCode && failure.responseCode >= 500 && failure.responseCode < 600 && failure.code !== 'EAUTH') {
    return { kind: 'rejected', message };
  }
  return { kind: 'transient', message };
}
