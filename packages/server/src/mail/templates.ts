import { formatDay, type Locale, type TenantConfig } from '@famille/contract';
import { formatEuros } from '../domain/invoices.ts';

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
  | { readonly kind: 'password_changed'; readonly prenoms: string; readonly identifiant: string; readonly at: Date }
  | {
      readonly kind: 'request_status';
      readonly prenoms: string;
      readonly number: number;
      readonly memberLabel: string;
      readonly requestKind: 'member_add' | 'member_update' | 'member_remove';
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
    };

const requestKindText = {
  fr: { member_add: 'l’ajout de', member_update: 'la modification de', member_remove: 'le retrait de' },
  en: { member_add: 'adding', member_update: 'changing', member_remove: 'removing' },
} as const;
const statusText = {
  fr: { en_cours: 'en cours de traitement', validee: 'validée', refusee: 'refusée' },
  en: { en_cours: 'being processed', validee: 'accepted', refusee: 'refused' },
} as const;

const preregistrationStatusText = {
  fr: {
    deposee: 'déposée',
    en_instruction: 'en cours d’instruction',
    place_proposee: 'place proposée',
    liste_attente: 'sur liste d’attente',
    refusee: 'refusée',
    annulee: 'annulée',
  },
  en: {
    deposee: 'submitted',
    en_instruction: 'being examined',
    place_proposee: 'place offered',
    liste_attente: 'on the waiting list',
    refusee: 'refused',
    annulee: 'cancelled',
  },
} as const;

/** "décembre 2026" / "December 2026": the month of a day, e.g. the one the commission sits. */
export const commissionMonth = (date: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

// Blocks of a message: paragraphs, a call to action, a small print.
type Block = { p: string } | { button: string; href: string } | { small: string };

const parisTime = (date: Date, locale: Locale) =>
  formatDay(new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }), date);

const hours = (n: number, locale: Locale) => (locale === 'fr' ? `${n} heure${n > 1 ? 's' : ''}` : `${n} hour${n > 1 ? 's' : ''}`);
const minutes = (n: number, locale: Locale) => (n % 60 === 0 ? hours(n / 60, locale) : locale === 'fr' ? `${n} minutes` : `${n} minutes`);

function content(mail: MailContent, tenant: TenantConfig, locale: Locale): { subject: string; blocks: Block[] } {
  const name = tenant.name;
  const fr = locale === 'fr';
  const hello = fr ? `Bonjour ${mail.prenoms},` : `Hello ${mail.prenoms},`;
  switch (mail.kind) {
    case 'activation':
      return {
        subject: fr ? `Activez votre Espace Famille — ${name}` : `Activate your Espace Famille account — ${name}`,
        blocks: [
          { p: hello },
          {
            p: fr
              ? `Votre Espace Famille a été créé avec l’identifiant « ${mail.identifiant} ». Pour l’activer, ouvrez ce lien dans les ${hours(mail.ttlHours, locale)} :`
              : `Your Espace Famille account was created with the identifiant "${mail.identifiant}". To activate it, open this link within ${hours(mail.ttlHours, locale)}:`,
          },
          { button: fr ? 'Activer mon espace' : 'Activate my account', href: mail.link },
          {
            small: fr
              ? 'Le lien ne sert qu’une fois. S’il a expiré, la page vous proposera d’en recevoir un nouveau. Si vous n’avez pas demandé ce compte, ignorez ce message : rien ne sera activé.'
              : 'The link works once. If it has expired, the page will offer to send a new one. If you did not ask for this account, ignore this message: nothing will be activated.',
          },
        ],
      };
    case 'account_exists':
      return {
        subject: fr ? `Vous avez déjà un Espace Famille — ${name}` : `You already have an Espace Famille account — ${name}`,
        blocks: [
          { p: hello },
          {
            p: fr
              ? `Quelqu’un (vous, sans doute) a demandé à créer un Espace Famille avec cette adresse e-mail. Un espace existe déjà pour elle : son identifiant est « ${mail.identifiant} ».`
              : `Someone (probably you) asked to create an Espace Famille account with this e-mail address. An account already exists for it: its identifiant is "${mail.identifiant}".`,
          },
          { p: fr ? 'Si vous avez oublié votre mot de passe, vous pouvez en choisir un nouveau :' : 'If you forgot your password, you can choose a new one:' },
          { button: fr ? 'Choisir un nouveau mot de passe' : 'Choose a new password', href: mail.link },
          {
            small: fr
              ? 'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre espace n’a pas changé.'
              : 'If you did not make this request, ignore this message: your account has not changed.',
          },
        ],
      };
    case 'password_reset':
      return {
        subject: fr ? `Réinitialisez votre mot de passe — ${name}` : `Reset your password — ${name}`,
        blocks: [
          { p: hello },
          {
            p: fr
              ? `Pour choisir un nouveau mot de passe pour l’identifiant « ${mail.identifiant} », ouvrez ce lien dans ${minutes(mail.ttlMinutes, locale)} :`
              : `To choose a new password for the identifiant "${mail.identifiant}", open this link within ${minutes(mail.ttlMinutes, locale)}:`,
          },
          { button: fr ? 'Choisir un nouveau mot de passe' : 'Choose a new password', href: mail.link },
          {
            small: fr
              ? 'Le lien ne sert qu’une fois. Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste le même.'
              : 'The link works once. If you asked for nothing, ignore this message: your password stays the same.',
          },
        ],
      };
    case 'password_changed':
      return {
        subject: fr ? `Votre mot de passe a été modifié — ${name}` : `Your password was changed — ${name}`,
        blocks: [
          { p: hello },
          {
            p: fr
              ? `Le mot de passe de l’identifiant « ${mail.identifiant} » a été modifié le ${parisTime(mail.at, locale)}. Toutes les sessions ouvertes ont été fermées.`
              : `The password of the identifiant "${mail.identifiant}" was changed on ${parisTime(mail.at, locale)} (Paris time). Every open session was closed.`,
          },
          {
            p: fr
              ? 'Si vous n’êtes pas à l’origine de ce changement, contactez le service sans attendre.'
              : 'If you did not make this change, contact the service at once.',
          },
        ],
      };
    case 'request_status': {
      const what = `${requestKindText[locale][mail.requestKind]} ${mail.memberLabel}`;
      const status = statusText[locale][mail.status];
      const blocks: Block[] = [
        { p: hello },
        {
          p: fr ? `Votre demande n° ${mail.number} (${what}) est ${status}.` : `Your request no. ${mail.number} (${what}) is ${status}.`,
        },
      ];
      if (mail.comment) blocks.push({ p: fr ? `Message du service\u00a0: « ${mail.comment} »` : `Message from the service: "${mail.comment}"` });
      blocks.push({
        small: fr
          ? 'Retrouvez vos demandes et leur historique dans votre Espace Famille, rubrique « Entourage ».'
          : 'Your requests and their history are in your Espace Famille, under "Entourage".',
      });
      return {
        subject: fr ? `Demande n° ${mail.number} ${status} — ${name}` : `Request no. ${mail.number} ${status} — ${name}`,
        blocks,
      };
    }
    case 'preregistration_submitted': {
      const month = commissionMonth(mail.nextCommission, locale);
      return {
        subject: fr ? `Demande de préinscription n° ${mail.number} déposée — ${name}` : `Pre-registration request no. ${mail.number} submitted — ${name}`,
        blocks: [
          { p: hello },
          {
            p: fr
              ? `Nous avons bien enregistré votre demande de préinscription en crèche pour ${mail.childLabel}, le ${parisTime(mail.submittedAt, locale)}.`
              : `We have registered your crèche pre-registration request for ${mail.childLabel} on ${parisTime(mail.submittedAt, locale)} (Paris time).`,
          },
          { p: fr ? `Demande n° ${mail.number} — statut : déposée.` : `Request no. ${mail.number} — status: submitted.` },
          {
            p: fr
              ? `Elle a été transmise au service pour traitement et sera étudiée lors de la prochaine commission d’attribution des places, en ${month}.`
              : `It has been passed on to the service and will be examined at the next place allocation committee, in ${month}.`,
          },
          {
            small: fr
              ? 'Retrouvez vos demandes et leur statut dans votre Espace Famille, rubrique « Mes demandes ».'
              : 'Your requests and their status are in your Espace Famille, under "My requests".',
          },
        ],
      };
    }
    case 'preregistration_status': {
      const status = preregistrationStatusText[locale][mail.status];
      const blocks: Block[] = [
        { p: hello },
        {
          p: fr
            ? `Votre demande de préinscription n° ${mail.number} (${mail.childLabel}) est désormais : ${status}.`
            : `Your pre-registration request no. ${mail.number} (${mail.childLabel}) is now: ${status}.`,
        },
      ];
      if (mail.status === 'place_proposee') {
        blocks.push({
          p: fr ? 'Le service vous contactera pour convenir de l’accueil de votre enfant.' : 'The service will contact you to arrange your child’s arrival.',
        });
      }
      if (mail.status === 'liste_attente' || mail.status === 'en_instruction') {
        const month = commissionMonth(mail.nextCommission, locale);
        blocks.push({ p: fr ? `Prochaine commission d’attribution des places : ${month}.` : `Next place allocation committee: ${month}.` });
      }
      if (mail.comment) blocks.push({ p: fr ? `Message du service\u00a0: « ${mail.comment} »` : `Message from the service: "${mail.comment}"` });
      blocks.push({
        small: fr
          ? 'Retrouvez vos demandes et leur historique dans votre Espace Famille, rubrique « Mes demandes ».'
          : 'Your requests and their history are in your Espace Famille, under "My requests".',
      });
      return {
        subject: fr ? `Demande de préinscription n° ${mail.number} : ${status} — ${name}` : `Pre-registration request no. ${mail.number}: ${status} — ${name}`,
        blocks,
      };
    }
    case 'payment_confirmed': {
      const amount = formatEuros(mail.amountCents, locale);
      const blocks: Block[] = [
        { p: hello },
        {
          p: fr
            ? `Nous avons bien reçu votre paiement en ligne de ${amount}, le ${parisTime(mail.at, locale)}.`
            : `We have received your online payment of ${amount}, on ${parisTime(mail.at, locale)}.`,
        },
        ...mail.invoices.map((invoice) => ({
          p: fr
            ? `Facture n° ${invoice.number} : ${formatEuros(invoice.amountCents, locale)} réglés.`
            : `Invoice no. ${invoice.number}: ${formatEuros(invoice.amountCents, locale)} paid.`,
        })),
      ];
      if (mail.overpaidCents > 0) {
        const over = formatEuros(mail.overpaidCents, locale);
        blocks.push({
          p: fr
            ? `${over} ont été payés en plus du solde de ces factures (un autre paiement les avait déjà réglées). Le service vous les remboursera.`
            : `${over} was paid beyond these invoices' balance (another payment had already settled them). The service will refund it.`,
        });
      }
      blocks.push({
        small: fr
          ? 'Vos factures et l’historique de vos paiements sont dans votre Espace Famille, rubrique « Mes factures ».'
          : 'Your invoices and payment history are in your Espace Famille, under "My invoices".',
      });
      return { subject: fr ? `Paiement reçu : ${amount} — ${name}` : `Payment received: ${amount} — ${name}`, blocks };
    }
    case 'invoice_available': {
      const amount = formatEuros(mail.totalCents, locale);
      const due = formatDay(
        new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }),
        new Date(`${mail.dueOn}T00:00:00Z`),
      );
      return {
        subject: fr ? `Votre facture n° ${mail.number} est disponible — ${name}` : `Your invoice no. ${mail.number} is available — ${name}`,
        blocks: [
          { p: hello },
          {
            p: fr
              ? `Votre facture n° ${mail.number}, d’un montant de ${amount}, est disponible dans votre Espace Famille. Elle est à régler avant le ${due}.`
              : `Your invoice no. ${mail.number}, for ${amount}, is available in your Espace Famille. It is due by ${due}.`,
          },
          { button: fr ? 'Voir mes factures' : 'See my invoices', href: mail.link },
          {
            small: fr
              ? 'Vous recevez ce message parce que vous avez choisi la facture en ligne. Vous pouvez payer en ligne ou au guichet (espèces, chèque, CESU), et revenir aux factures papier depuis votre Espace Famille, rubrique « Mes factures ».'
              : 'You receive this message because you chose electronic invoices. You can pay online or at the counter (cash, cheque, CESU), and go back to paper invoices in your Espace Famille, under "My invoices".',
          },
        ],
      };
    }
  }
}

function contactLines(tenant: TenantConfig, locale: Locale): string[] {
  const { contact } = tenant;
  const fr = locale === 'fr';
  // French typography: a (non-breaking) space before the colon.
  const lines = [
    `${contact.service} — ${tenant.name}`,
    fr ? `Téléphone\u00a0: ${contact.phone}` : `Phone: ${contact.phone}`,
    fr ? `Courriel\u00a0: ${contact.email}` : `E-mail: ${contact.email}`,
  ];
  const hours = contact.hours && (fr ? contact.hours.fr : (contact.hours.en ?? contact.hours.fr));
  if (hours) lines.push(hours);
  return lines;
}

/** Renders one e-mail of a tenant in French or English. */
export function renderMail(mail: MailContent, tenant: TenantConfig, locale: Locale): RenderedMail {
  const { subject, blocks } = content(mail, tenant, locale);
  const contact = contactLines(tenant, locale);
  const footer = locale === 'fr' ? 'Message envoyé automatiquement, merci de ne pas y répondre. Pour toute question :' : 'Automatic message. For any question:';

  const text = [
    ...blocks.map((block) => ('p' in block ? block.p : 'button' in block ? `${block.button}\n${block.href}` : block.small)),
    `-- \n${footer}\n${contact.join('\n')}`,
  ].join('\n\n');

  const htmlBlocks = blocks.map((block) => {
    if ('p' in block) return `<p style="margin:0 0 16px">${escapeHtml(block.p)}</p>`;
    if ('button' in block) {
      const href = escapeHtml(block.href);
      return (
        `<p style="margin:24px 0"><a href="${href}" style="background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block;font-weight:bold">${escapeHtml(block.button)}</a></p>` +
        `<p style="margin:0 0 16px;font-size:13px;color:#374151">${escapeHtml(locale === 'fr' ? 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :' : 'If the button does not work, copy this address into your browser:')}<br><span style="word-break:break-all">${href}</span></p>`
      );
    }
    return `<p style="margin:0 0 16px;font-size:13px;color:#374151">${escapeHtml(block.small)}</p>`;
  });
  const html = [
    '<!doctype html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif;color:#111827;line-height:1.5">',
    '<div style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px">',
    `<p style="margin:0 0 24px;font-weight:bold">${escapeHtml(tenant.name)} — Espace Famille</p>`,
    ...htmlBlocks,
    `<hr style="border:none;border-top:1px solid #e5e7eb;margin:24px 0"><p style="margin:0;font-size:13px;color:#374151">${escapeHtml(footer)}<br>${contact.map(escapeHtml).join('<br>')}</p>`,
    '</div></body></html>',
  ].join('\n');
  return { subject, text, html };
}
