import { type AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server inside the test: every message it accepts, parsed. */
export interface TestMailServer {
  url: string;
  received: ParsedMail[];
  /** Messages to `address`. */
  to(address: string): ParsedMail[];
  /** Waits (up to `ms`) until `check` holds of what has arrived. */
  waitFor(check: (received: ParsedMail[]) => boolean, ms?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startMailServer(): Promise<TestMailServer> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const toOf = (mail: ParsedMail) =>
    [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    to: (address) => received.filter((m) => toOf(m).includes(address.toLowerCase())),
    async waitFor(check, ms = 60_000) {
      const until = Date.now() + ms;
      while (!check(received)) {
        if (Date.now() > until) throw new Error(`Mail not received in time (${received.length} so far)`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
