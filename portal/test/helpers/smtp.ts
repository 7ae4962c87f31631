import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { to: string[]; subject: string; html: string; text: string; parsed: ParsedMail };

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives (parsed with mailparser). Recipients in
 * `reject` are refused with 550 at RCPT TO, as a real server refuses an unknown mailbox.
 */
export async function startSmtpServer({ port = 0, reject = [] }: { port?: number; reject?: string[] } = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    closeTimeout: 200,
    onRcptTo(address, _session, callback) {
      if (reject.includes(address.address.toLowerCase())) {
        const error = Object.assign(new Error(`Mailbox ${address.address} does not exist`), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), subject: parsed.subject ?? '', html: String(parsed.html || ''), text: parsed.text ?? '', parsed });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actualPort = (server.server.address() as AddressInfo).port;
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    received,
    /** how many mails each recipient got */
    countsByRecipient: () => {
      const counts: Record<string, number> = {};
      for (const mail of received) for (const to of mail.to) counts[to] = (counts[to] ?? 0) + 1;
      return counts;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port on 127.0.0.1 where nothing listens (yet). */
export async function freePort(): Promise<number> {
  const server = await startSmtpServer();
  await server.close();
  return server.port;
}
