import { createTransport } from 'nodemailer';
import type { MailTransport } from '../mail/outbox.ts';

/**
 * SMTP through nodemailer, e.g. `smtp://user:pass@smtp.example.fr:587` (STARTTLS when the
 * server offers it) or `smtps://…:465`. `from` is the sender address (`MAIL_FROM`); the
 * display name is the tenant's, and replies go to the tenant's contact address.
 */
export function createSmtpTransport(options: { url: string; from: string }): MailTransport {
  const transporter = createTransport(options.url);
  const address = /<([^>]+)>/.exec(options.from)?.[1] ?? options.from.trim();
  return {
    async send(mail) {
      await transporter.sendMail({
        from: { name: mail.fromName, address },
        to: mail.to,
        ...(mail.replyTo && { replyTo: mail.replyTo }),
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
    },
    close: () => transporter.close(),
  };
}
