import type { MailMessages } from './messages.fr.ts';

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

/** The e-mails' words in English (see messages.fr.ts). */
export const mailEn: MailMessages = {
  hello: (p) => `Hello ${p.prenoms},`,
  hours: (p) => plural(p.n, 'hour'),
  minutes: (p) => plural(p.n, 'minute'),
  buttonFallback: 'If the button does not work, copy this address into your browser:',
  footer: 'Automatic message. For any question:',
  contactPhone: (p) => `Phone: ${p.phone}`,
  contactEmail: (p) => `E-mail: ${p.email}`,
  serviceMessage: (p) => `Message from the service: "${p.comment}"`,

  activationSubject: (p) => `Activate your Espace Famille account — ${p.tenant}`,
  activationIntro: (p) => `Your Espace Famille account was created with the identifiant "${p.identifiant}". To activate it, open this link within ${p.ttl}:`,
  activationButton: 'Activate my account',
  activationSmall:
    'The link works once. If it has expired, the page will offer to send a new one. If you did not ask for this account, ignore this message: nothing will be activated.',

  accountExistsSubject: (p) => `You already have an Espace Famille account — ${p.tenant}`,
  accountExistsIntro: (p) =>
    `Someone (probably you) asked to create an Espace Famille account with this e-mail address. An account already exists for it: its identifiant is "${p.identifiant}".`,
  accountExistsReset: 'If you forgot your password, you can choose a new one:',
  newPasswordButton: 'Choose a new password',
  accountExistsSmall: 'If you did not make this request, ignore this message: your account has not changed.',

  resetSubject: (p) => `Reset your password — ${p.tenant}`,
  resetIntro: (p) => `To choose a new password for the identifiant "${p.identifiant}", open this link within ${p.ttl}:`,
  resetSmall: 'The link works once. If you asked for nothing, ignore this message: your password stays the same.',

  passwordChangedSubject: (p) => `Your password was changed — ${p.tenant}`,
  passwordChangedIntro: (p) => `The password of the identifiant "${p.identifiant}" was changed on ${p.at} (Paris time). Every open session was closed.`,
  passwordChangedWarning: 'If you did not make this change, contact the service at once.',
  passwordChangedOthers: (p) =>
    `The password of the identifiant "${p.identifiant}" was changed on ${p.at} (Paris time), from your account page. Every other open session was closed.`,

  emailChangeSubject: (p) => `Confirm your new e-mail address — ${p.tenant}`,
  emailChangeIntro: (p) =>
    `You asked for "${p.email}" to become the e-mail address of your Espace Famille account. To confirm, open this link within ${p.ttl}:`,
  emailChangeButton: 'Confirm my address',
  emailChangeSmall: 'The link works once. Until it is opened, your previous address stays the account’s. If you did not ask for anything, ignore this message.',
  emailNoticeSubject: (p) => `E-mail address change requested — ${p.tenant}`,
  emailNoticeIntro: (p) =>
    `A change of your Espace Famille e-mail address to "${p.email}" was requested. It takes effect only once the link sent to that address is opened; until then, nothing changes.`,
  requestKind_identity_change: (p) => `changing the identity of ${p.member}`,
  requestKind_account_closure: (p) => `closing the account of ${p.member}`,

  requestKind_member_add: (p) => `adding ${p.member}`,
  requestKind_member_update: (p) => `changing ${p.member}`,
  requestKind_member_remove: (p) => `removing ${p.member}`,
  requestStatus_en_cours: 'being processed',
  requestStatus_validee: 'accepted',
  requestStatus_refusee: 'refused',
  requestStatusSubject: (p) => `Request no. ${p.number} ${p.status} — ${p.tenant}`,
  requestStatusIntro: (p) => `Your request no. ${p.number} (${p.what}) is ${p.status}.`,
  requestStatusSmall: 'Your requests and their history are in your Espace Famille, under "Entourage".',

  preregStatus_deposee: 'submitted',
  preregStatus_en_instruction: 'being examined',
  preregStatus_place_proposee: 'place offered',
  preregStatus_liste_attente: 'on the waiting list',
  preregStatus_refusee: 'refused',
  preregStatus_annulee: 'cancelled',
  preregSubmittedSubject: (p) => `Pre-registration request no. ${p.number} submitted — ${p.tenant}`,
  preregSubmittedIntro: (p) => `We have registered your crèche pre-registration request for ${p.child} on ${p.at} (Paris time).`,
  preregSubmittedStatus: (p) => `Request no. ${p.number} — status: submitted.`,
  preregSubmittedNext: (p) => `It has been passed on to the service and will be examined at the next place allocation committee, in ${p.month}.`,
  preregSubmittedSmall: 'Your requests and their status are in your Espace Famille, under "My requests".',
  preregStatusSubject: (p) => `Pre-registration request no. ${p.number}: ${p.status} — ${p.tenant}`,
  preregStatusIntro: (p) => `Your pre-registration request no. ${p.number} (${p.child}) is now: ${p.status}.`,
  preregPlaceOffered: 'The service will contact you to arrange your child’s arrival.',
  preregNextCommission: (p) => `Next place allocation committee: ${p.month}.`,
  preregStatusSmall: 'Your requests and their history are in your Espace Famille, under "My requests".',

  paymentSubject: (p) => `Payment received: ${p.amount} — ${p.tenant}`,
  paymentIntro: (p) => `We have received your online payment of ${p.amount}, on ${p.at}.`,
  paymentInvoice: (p) => `Invoice no. ${p.number}: ${p.amount} paid.`,
  paymentOverpaid: (p) => `${p.amount} was paid beyond these invoices' balance (another payment had already settled them). The service will refund it.`,
  paymentSmall: 'Your invoices and payment history are in your Espace Famille, under "My invoices".',

  invoiceSubject: (p) => `Your invoice no. ${p.number} is available — ${p.tenant}`,
  invoiceIntro: (p) => `Your invoice no. ${p.number}, for ${p.amount}, is available in your Espace Famille. It is due by ${p.due}.`,
  invoiceButton: 'See my invoices',
  invoiceSmall:
    'You receive this message because you chose electronic invoices. You can pay online or at the counter (cash, cheque, CESU), and go back to paper invoices in your Espace Famille, under "My invoices".',

  messageSubject: (p) => `A message is waiting in your Espace Famille — ${p.tenant}`,
  messageIntro: 'The service has sent you a message. To read it, log in to your Espace Famille, under "My news".',
  messageButton: 'Read my messages',
  messageSmall: 'For your security, the message itself is not copied into this e-mail.',
};
