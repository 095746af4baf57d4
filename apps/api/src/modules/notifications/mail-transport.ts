import { NotifyClient } from 'notifications-node-client';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type { MailConfig } from '../../config/app-config.js';

/** One e-mail as the worker hands it to the mail service. */
export interface OutgoingMail {
  /** The delivery's id: the Message-ID and Notify's reference, so a receiver can tell a repeat. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string | null;
}

/** A failure the mail service says will happen again (a refused address, a bad template): not retried. */
export class PermanentMailError extends Error {}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<{ providerId: string | null }>;
  close(): void;
}

/** SMTP through nodemailer, with RFC 8058 one-click unsubscribe headers. */
class SmtpTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(private readonly config: MailConfig) {
    this.transporter = nodemailer.createTransport({
      url: config.smtpUrl!,
      pool: true,
      maxConnections: config.concurrency,
      // Shorter than the lease, so a hung server fails the attempt before another worker takes it over.
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    } as SMTPPool.Options);
  }

  async send(mail: OutgoingMail): Promise<{ providerId: string | null }> {
    try {
      const info = (await this.transporter.sendMail({
        from: this.config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${mail.id}@notifications.wgll>`,
        headers: mail.unsubscribeUrl
          ? {
              'List-Unsubscribe': `<${mail.unsubscribeUrl}>`,
              'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            }
          : {},
      })) as { response?: string; messageId?: string };
      return { providerId: (info.response ?? info.messageId ?? '').slice(0, 200) || null };
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      // 5xx: the server refuses this message for good (no such mailbox, policy); 4xx and network errors pass.
      if (code !== undefined && code >= 500) throw new PermanentMailError((error as Error).message);
      throw error;
    }
  }

  close(): void {
    this.transporter.close();
  }
}

/**
 * GOV.UK Notify: one e-mail template whose subject is `((subject))` and whose body is `((body))`; the
 * platform writes both (docs/configuration.md, "E-mail").
 */
class NotifyTransport implements MailTransport {
  private readonly client: NotifyClient;

  constructor(private readonly config: NonNullable<MailConfig['notify']>) {
    this.client = new NotifyClient(config.baseUrl, config.apiKey);
  }

  async send(mail: OutgoingMail): Promise<{ providerId: string | null }> {
    try {
      const response = await this.client.sendEmail(this.config.templateId, mail.to, {
        personalisation: { subject: mail.subject, body: mail.text },
        reference: mail.id,
        ...(mail.unsubscribeUrl ? { oneClickUnsubscribeURL: mail.unsubscribeUrl } : {}),
      });
      return { providerId: response.data.id };
    } catch (error) {
      const status = (error as { response?: { status?: number; data?: unknown } }).response?.status;
      const detail = (error as { response?: { data?: unknown } }).response?.data;
      const message = detail
        ? `${(error as Error).message}: ${JSON.stringify(detail)}`
        : (error as Error).message;
      // 400 and 403: a bad request or key will fail the same way again; 429 and 5xx are retried.
      if (status === 400 || status === 403) throw new PermanentMailError(message);
      throw new Error(message);
    }
  }

  close(): void {}
}

/** The configured mail service; null when messages stay in the outbox. */
export function createTransport(config: MailConfig): MailTransport | null {
  if (config.transport === 'smtp') return new SmtpTransport(config);
  if (config.transport === 'notify' && config.notify) return new NotifyTransport(config.notify);
  return null;
}
