import { formatDay, type Locale, type TenantConfig } from '@famille/contract';
import { formatEuros } from '../domain/invoices.ts';
import { escapeMarkup } from '../markup.ts';
import { mailFr, type MailKey, type MailMessages } from './messages.fr.ts';
import { mailEn } from './messages.en.ts';

/** One rendered e-mail: plain text and HTML (escaped, no remote images, inline styles only). */
export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export type MailContent =
  | { readonly kind: 'activation'; readonly prenoms: string; readonly identifiant: string; readonly link: string; readonly ttlHours: number }
  | { readonly kind: 'account_exists'; readonly prenoms: string; readonly identifiant: string; readonly link: string }
  | { readonly kind: 'password_reset'; readonly prenoms: string; readonly identifiant: string; readonly link: string; readonly ttlMinutes: number }
  | {
      readonly kind: 'password_changed';
      readonly prenoms: string;
      readonly identifiant: string;
      readonly at: Date;
      /** Changed in "Mon compte": the session that changed it stays, the others were closed. */
      readonly othersOnly?: boolean;
    }
  /** To the new address: the link that makes it the account's. */
  | { readonly kind: 'email_change_link'; readonly prenoms: string; readonly newEmail: string; readonly link: string; readonly ttlHours: number }
  /** To the old address: a change was asked. */
  | { readonly kind: 'email_change_notice'; readonly prenoms: string; readonly newEmail: string }
  | {
      readonly kind: 'request_status';
      readonly prenoms: string;
      readonly number: number;
      readonly memberLabel: string;
      readonly requestKind: 'member_add' | 'member_update' | 'member_remove' | 'identity_change' | 'account_closure';
      readonly status: 'en_cours' | 'validee' | 'refusee';
      readonly comment?: string;
    }
  | {
      readonly kind: 'preregistration_submitted';
      readonly prenoms: string;
      readonly number: number;
      readonly childLabel: string;
      readonly submittedAt: Date;
      /** YYYY-MM-DD, the first day of the commission's month. */
      readonly nextCommission: string;
    }
  | {
      readonly kind: 'preregistration_status';
      readonly prenoms: string;
      readonly number: number;
      readonly childLabel: string;
      readonly status: 'en_instruction' | 'place_proposee' | 'liste_attente' | 'refusee' | 'annulee';
      readonly nextCommission: string;
      readonly comment?: string;
    }
  | {
      readonly kind: 'payment_confirmed';
      readonly prenoms: string;
      readonly amountCents: number;
      readonly invoices: readonly { readonly number: string; readonly amountCents: number }[];
      readonly at: Date;
      /** Taken beyond the balances (crossed payments): the service refunds it. */
      readonly overpaidCents: number;
    }
  | {
      /** A new invoice was published for a child whose family chose electronic invoices. */
      readonly kind: 'invoice_available';
      readonly prenoms: string;
      readonly number: string;
      readonly totalCents: number;
      /** YYYY-MM-DD: "à payer avant le". */
      readonly dueOn: string;
      /** The host page with <famille-invoices>. */
      readonly link: string;
    }
  | {
      /** A message of the service is waiting (its content is never in the e-mail). */
      readonly kind: 'message_waiting';
      readonly prenoms: string;
      /** The tenant's account page. */
      readonly link: string;
    };

/** "décembre 2026" / "December 2026": the month of a day, e.g. the one the commission sits. */
export const commissionMonth = (date: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

// Blocks of a message: paragraphs, a call to action, a small print.
type Block = { p: string } | { button: string; href: string } | { small: string };

const parisTime = (date: Date, locale: Locale) =>
  formatDay(new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }), date);

/** A tenant's rewording of the e-mails, by locale then message key (`{name}` for a parameter). */
export type MailStrings = Partial<Record<Locale, Partial<Record<MailKey, string>>>>;

type ParamsOf<K extends MailKey> = MailMessages[K] extends (p: infer P) => string ? [params: P] : [];
type Translate = <K extends MailKey>(key: K, ...params: ParamsOf<K>) => string;

/**
 * The e-mails' words in `locale`, the tenant's rewording first. A rewording may also use
 * `{tenant}` and `{prenoms}` (the parent's first names) in any message.
 */
function mailWords(locale: Locale, strings: MailStrings | undefined, common: { tenant: string; prenoms: string }): Translate {
  const table = locale === 'fr' ? mailFr : mailEn;
  const overrides = strings?.[locale];
  return (key, ...[params]) => {
    const override = overrides?.[key];
    const values: Record<string, string | number> = { ...common, ...(params as Record<string, string | number> | undefined) };
    if (override !== undefined) return override.replace(/\{(\w+)\}/g, (all, name: string) => String(values[name] ?? all));
    const message = table[key] as string | ((p: unknown) => string);
    return typeof message === 'function' ? message(params) : message;
  };
}

/** The keys a tenant may reword: a misspelt one in `mailStrings` would silently change nothing. */
export const mailKeys = Object.keys(mailFr) as MailKey[];

function content(mail: MailContent, tenant: TenantConfig, locale: Locale, t: Translate): { subject: string; blocks: Block[] } {
  const name = tenant.name;
  const at = (date: Date) => parisTime(date, locale);
  const hours = (n: number) => t('hours', { n });
  const hello = { p: t('hello', { prenoms: mail.prenoms }) };
  const comment = (text: string | undefined): Block[] => (text ? [{ p: t('serviceMessage', { comment: text }) }] : []);
  switch (mail.kind) {
    case 'activation':
      return {
        subject: t('activationSubject', { tenant: name }),
        blocks: [
          hello,
          { p: t('activationIntro', { identifiant: mail.identifiant, ttl: hours(mail.ttlHours) }) },
          { button: t('activationButton'), href: mail.link },
          { small: t('activationSmall') },
        ],
      };
    case 'account_exists':
      return {
        subject: t('accountExistsSubject', { tenant: name }),
        blocks: [
          hello,
          { p: t('accountExistsIntro', { identifiant: mail.identifiant }) },
          { p: t('accountExistsReset') },
          { button: t('newPasswordButton'), href: mail.link },
          { small: t('accountExistsSmall') },
        ],
      };
    case 'password_reset': {
      const ttl = mail.ttlMinutes % 60 === 0 ? hours(mail.ttlMinutes / 60) : t('minutes', { n: mail.ttlMinutes });
      return {
        subject: t('resetSubject', { tenant: name }),
        blocks: [
          hello,
          { p: t('resetIntro', { identifiant: mail.identifiant, ttl }) },
          { button: t('newPasswordButton'), href: mail.link },
          { small: t('resetSmall') },
        ],
      };
    }
    case 'password_changed':
      return {
        subject: t('passwordChangedSubject', { tenant: name }),
        blocks: [
          hello,
          { p: t(mail.othersOnly ? 'passwordChangedOthers' : 'passwordChangedIntro', { identifiant: mail.identifiant, at: at(mail.at) }) },
          { p: t('passwordChangedWarning') },
        ],
      };
    case 'email_change_link':
      return {
        subject: t('emailChangeSubject', { tenant: name }),
        blocks: [
          hello,
          { p: t('emailChangeIntro', { email: mail.newEmail, ttl: hours(mail.ttlHours) }) },
          { button: t('emailChangeButton'), href: mail.link },
          { small: t('emailChangeSmall') },
        ],
      };
    case 'email_change_notice':
      return {
        subject: t('emailNoticeSubject', { tenant: name }),
        blocks: [hello, { p: t('emailNoticeIntro', { email: mail.newEmail }) }, { p: t('passwordChangedWarning') }],
      };
    case 'request_status': {
      const what = t(`requestKind_${mail.requestKind}`, { member: mail.memberLabel });
      const status = t(`requestStatus_${mail.status}`);
      return {
        subject: t('requestStatusSubject', { number: mail.number, status, tenant: name }),
        blocks: [hello, { p: t('requestStatusIntro', { number: mail.number, what, status }) }, ...comment(mail.comment), { small: t('requestStatusSmall') }],
      };
    }
    case 'preregistration_submitted':
      return {
        subject: t('preregSubmittedSubject', { number: mail.number, tenant: name }),
        blocks: [
          hello,
          { p: t('preregSubmittedIntro', { child: mail.childLabel, at: at(mail.submittedAt) }) },
          { p: t('preregSubmittedStatus', { number: mail.number }) },
          { p: t('preregSubmittedNext', { month: commissionMonth(mail.nextCommission, locale) }) },
          { small: t('preregSubmittedSmall') },
        ],
      };
    case 'preregistration_status': {
      const status = t(`preregStatus_${mail.status}`);
      const waiting = mail.status === 'liste_attente' || mail.status === 'en_instruction';
      return {
        subject: t('preregStatusSubject', { number: mail.number, status, tenant: name }),
        blocks: [
          hello,
          { p: t('preregStatusIntro', { number: mail.number, child: mail.childLabel, status }) },
          ...(mail.status === 'place_proposee' ? [{ p: t('preregPlaceOffered') }] : []),
          ...(waiting ? [{ p: t('preregNextCommission', { month: commissionMonth(mail.nextCommission, locale) }) }] : []),
          ...comment(mail.comment),
          { small: t('preregStatusSmall') },
        ],
      };
    }
    case 'payment_confirmed': {
      const amount = formatEuros(mail.amountCents, locale);
      return {
        subject: t('paymentSubject', { amount, tenant: name }),
        blocks: [
          hello,
          { p: t('paymentIntro', { amount, at: at(mail.at) }) },
          ...mail.invoices.map((invoice) => ({ p: t('paymentInvoice', { number: invoice.number, amount: formatEuros(invoice.amountCents, locale) }) })),
          ...(mail.overpaidCents > 0 ? [{ p: t('paymentOverpaid', { amount: formatEuros(mail.overpaidCents, locale) }) }] : []),
          { small: t('paymentSmall') },
        ],
      };
    }
    case 'invoice_available': {
      const due = formatDay(
        new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }),
        new Date(`${mail.dueOn}T00:00:00Z`),
      );
      return {
        subject: t('invoiceSubject', { number: mail.number, tenant: name }),
        blocks: [
          hello,
          { p: t('invoiceIntro', { number: mail.number, amount: formatEuros(mail.totalCents, locale), due }) },
          { button: t('invoiceButton'), href: mail.link },
          { small: t('invoiceSmall') },
        ],
      };
    }
    case 'message_waiting':
      return {
        subject: t('messageSubject', { tenant: name }),
        blocks: [hello, { p: t('messageIntro') }, { button: t('messageButton'), href: mail.link }, { small: t('messageSmall') }],
      };
  }
}

function contactLines(tenant: TenantConfig, locale: Locale, t: Translate): string[] {
  const { contact } = tenant;
  const lines = [`${contact.service} — ${tenant.name}`, t('contactPhone', { phone: contact.phone }), t('contactEmail', { email: contact.email })];
  const hours = contact.hours && (locale === 'fr' ? contact.hours.fr : (contact.hours.en ?? contact.hours.fr));
  if (hours) lines.push(hours);
  return lines;
}

/** Renders one e-mail of a tenant in French or English, with the tenant's rewording (`strings`). */
export function renderMail(mail: MailContent, tenant: TenantConfig, locale: Locale, strings?: MailStrings): RenderedMail {
  const t = mailWords(locale, strings, { tenant: tenant.name, prenoms: mail.prenoms });
  const { subject, blocks } = content(mail, tenant, locale, t);
  const contact = contactLines(tenant, locale, t);
  const footer = t('footer');

  const text = [
    ...blocks.map((block) => ('p' in block ? block.p : 'button' in block ? `${block.button}\n${block.href}` : block.small)),
    `-- \n${footer}\n${contact.join('\n')}`,
  ].join('\n\n');

  const htmlBlocks = blocks.map((block) => {
    if ('p' in block) return `<p style="margin:0 0 16px">${escapeMarkup(block.p)}</p>`;
    if ('button' in block) {
      const href = escapeMarkup(block.href);
      return (
        `<p style="margin:24px 0"><a href="${href}" style="background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block;font-weight:bold">${escapeMarkup(block.button)}</a></p>` +
        `<p style="margin:0 0 16px;font-size:13px;color:#374151">${escapeMarkup(t('buttonFallback'))}<br><span style="word-break:break-all">${href}</span></p>`
      );
    }
    return `<p style="margin:0 0 16px;font-size:13px;color:#374151">${escapeMarkup(block.small)}</p>`;
  });
  const html = [
    '<!doctype html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeMarkup(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif;color:#111827;line-height:1.5">',
    '<div style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px">',
    `<p style="margin:0 0 24px;font-weight:bold">${escapeMarkup(tenant.name)} — Espace Famille</p>`,
    ...htmlBlocks,
    `<hr style="border:none;border-top:1px solid #e5e7eb;margin:24px 0"><p style="margin:0;font-size:13px;color:#374151">${escapeMarkup(footer)}<br>${contact.map(escapeMarkup).join('<br>')}</p>`,
    '</div></body></html>',
  ].join('\n');
  return { subject, text, html };
}
