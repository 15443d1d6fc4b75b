/**
 * The e-mails' words in French, the default. A message is a string, or a function of its
 * parameters (already formatted: amounts, dates, links). A tenant rewords any of them in
 * `Tenant.mailStrings` (by locale, then key), where `{name}` stands for the parameter
 * `name`, as the elements' texts are reworded in the tenant's configuration.
 */
const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

export const mailFr = {
  hello: (p: { prenoms: string }) => `Bonjour ${p.prenoms},`,
  hours: (p: { n: number }) => plural(p.n, 'heure'),
  minutes: (p: { n: number }) => plural(p.n, 'minute'),
  buttonFallback: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :',
  footer: 'Message envoyé automatiquement, merci de ne pas y répondre. Pour toute question :',
  // French typography: a (non-breaking) space before the colon.
  contactPhone: (p: { phone: string }) => `Téléphone\u00a0: ${p.phone}`,
  contactEmail: (p: { email: string }) => `Courriel\u00a0: ${p.email}`,
  serviceMessage: (p: { comment: string }) => `Message du service\u00a0: « ${p.comment} »`,

  activationSubject: (p: { tenant: string }) => `Activez votre Espace Famille — ${p.tenant}`,
  activationIntro: (p: { identifiant: string; ttl: string }) =>
    `Votre Espace Famille a été créé avec l’identifiant « ${p.identifiant} ». Pour l’activer, ouvrez ce lien dans les ${p.ttl} :`,
  activationButton: 'Activer mon espace',
  activationSmall:
    'Le lien ne sert qu’une fois. S’il a expiré, la page vous proposera d’en recevoir un nouveau. Si vous n’avez pas demandé ce compte, ignorez ce message : rien ne sera activé.',

  accountExistsSubject: (p: { tenant: string }) => `Vous avez déjà un Espace Famille — ${p.tenant}`,
  accountExistsIntro: (p: { identifiant: string }) =>
    `Quelqu’un (vous, sans doute) a demandé à créer un Espace Famille avec cette adresse e-mail. Un espace existe déjà pour elle : son identifiant est « ${p.identifiant} ».`,
  accountExistsReset: 'Si vous avez oublié votre mot de passe, vous pouvez en choisir un nouveau :',
  newPasswordButton: 'Choisir un nouveau mot de passe',
  accountExistsSmall: 'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre espace n’a pas changé.',

  resetSubject: (p: { tenant: string }) => `Réinitialisez votre mot de passe — ${p.tenant}`,
  resetIntro: (p: { identifiant: string; ttl: string }) =>
    `Pour choisir un nouveau mot de passe pour l’identifiant « ${p.identifiant} », ouvrez ce lien dans ${p.ttl} :`,
  resetSmall: 'Le lien ne sert qu’une fois. Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste le même.',

  passwordChangedSubject: (p: { tenant: string }) => `Votre mot de passe a été modifié — ${p.tenant}`,
  passwordChangedIntro: (p: { identifiant: string; at: string }) =>
    `Le mot de passe de l’identifiant « ${p.identifiant} » a été modifié le ${p.at}. Toutes les sessions ouvertes ont été fermées.`,
  passwordChangedWarning: 'Si vous n’êtes pas à l’origine de ce changement, contactez le service sans attendre.',
  passwordChangedOthers: (p: { identifiant: string; at: string }) =>
    `Le mot de passe de l’identifiant « ${p.identifiant} » a été modifié le ${p.at} depuis votre espace. Toutes les autres sessions ouvertes ont été fermées.`,

  emailChangeSubject: (p: { tenant: string }) => `Confirmez votre nouvelle adresse e-mail — ${p.tenant}`,
  emailChangeIntro: (p: { email: string; ttl: string }) =>
    `Vous avez demandé que « ${p.email} » devienne l’adresse e-mail de votre Espace Famille. Pour confirmer, ouvrez ce lien dans les ${p.ttl} :`,
  emailChangeButton: 'Confirmer mon adresse',
  emailChangeSmall:
    'Le lien ne sert qu’une fois. Tant qu’il n’est pas ouvert, votre ancienne adresse reste celle du compte. Si vous n’avez rien demandé, ignorez ce message.',
  emailNoticeSubject: (p: { tenant: string }) => `Changement d’adresse e-mail demandé — ${p.tenant}`,
  emailNoticeIntro: (p: { email: string }) =>
    `Un changement de l’adresse e-mail de votre Espace Famille vers « ${p.email} » a été demandé. Il ne prendra effet que lorsque le lien envoyé à cette adresse sera ouvert ; d’ici là, rien ne change.`,
  requestKind_identity_change: (p: { member: string }) => `la modification de l’identité de ${p.member}`,
  requestKind_account_closure: (p: { member: string }) => `la clôture du compte de ${p.member}`,

  requestKind_member_add: (p: { member: string }) => `l’ajout de ${p.member}`,
  requestKind_member_update: (p: { member: string }) => `la modification de ${p.member}`,
  requestKind_member_remove: (p: { member: string }) => `le retrait de ${p.member}`,
  requestStatus_en_cours: 'en cours de traitement',
  requestStatus_validee: 'validée',
  requestStatus_refusee: 'refusée',
  requestStatusSubject: (p: { number: number; status: string; tenant: string }) => `Demande n° ${p.number} ${p.status} — ${p.tenant}`,
  requestStatusIntro: (p: { number: number; what: string; status: string }) => `Votre demande n° ${p.number} (${p.what}) est ${p.status}.`,
  requestStatusSmall: 'Retrouvez vos demandes et leur historique dans votre Espace Famille, rubrique « Entourage ».',

  preregStatus_deposee: 'déposée',
  preregStatus_en_instruction: 'en cours d’instruction',
  preregStatus_place_proposee: 'place proposée',
  preregStatus_liste_attente: 'sur liste d’attente',
  preregStatus_refusee: 'refusée',
  preregStatus_annulee: 'annulée',
  preregSubmittedSubject: (p: { number: number; tenant: string }) => `Demande de préinscription n° ${p.number} déposée — ${p.tenant}`,
  preregSubmittedIntro: (p: { child: string; at: string }) =>
    `Nous avons bien enregistré votre demande de préinscription en crèche pour ${p.child}, le ${p.at}.`,
  preregSubmittedStatus: (p: { number: number }) => `Demande n° ${p.number} — statut : déposée.`,
  preregSubmittedNext: (p: { month: string }) =>
    `Elle a été transmise au service pour traitement et sera étudiée lors de la prochaine commission d’attribution des places, en ${p.month}.`,
  preregSubmittedSmall: 'Retrouvez vos demandes et leur statut dans votre Espace Famille, rubrique « Mes demandes ».',
  preregStatusSubject: (p: { number: number; status: string; tenant: string }) => `Demande de préinscription n° ${p.number} : ${p.status} — ${p.tenant}`,
  preregStatusIntro: (p: { number: number; child: string; status: string }) =>
    `Votre demande de préinscription n° ${p.number} (${p.child}) est désormais : ${p.status}.`,
  preregPlaceOffered: 'Le service vous contactera pour convenir de l’accueil de votre enfant.',
  preregNextCommission: (p: { month: string }) => `Prochaine commission d’attribution des places : ${p.month}.`,
  preregStatusSmall: 'Retrouvez vos demandes et leur historique dans votre Espace Famille, rubrique « Mes demandes ».',

  paymentSubject: (p: { amount: string; tenant: string }) => `Paiement reçu : ${p.amount} — ${p.tenant}`,
  paymentIntro: (p: { amount: string; at: string }) => `Nous avons bien reçu votre paiement en ligne de ${p.amount}, le ${p.at}.`,
  paymentInvoice: (p: { number: string; amount: string }) => `Facture n° ${p.number} : ${p.amount} réglés.`,
  paymentOverpaid: (p: { amount: string }) =>
    `${p.amount} ont été payés en plus du solde de ces factures (un autre paiement les avait déjà réglées). Le service vous les remboursera.`,
  paymentSmall: 'Vos factures et l’historique de vos paiements sont dans votre Espace Famille, rubrique « Mes factures ».',

  invoiceSubject: (p: { number: string; tenant: string }) => `Votre facture n° ${p.number} est disponible — ${p.tenant}`,
  invoiceIntro: (p: { number: string; amount: string; due: string }) =>
    `Votre facture n° ${p.number}, d’un montant de ${p.amount}, est disponible dans votre Espace Famille. Elle est à régler avant le ${p.due}.`,
  invoiceButton: 'Voir mes factures',
  invoiceSmall:
    'Vous recevez ce message parce que vous avez choisi la facture en ligne. Vous pouvez payer en ligne ou au guichet (espèces, chèque, CESU), et revenir aux factures papier depuis votre Espace Famille, rubrique « Mes factures ».',

  messageSubject: (p: { tenant: string }) => `Un message vous attend dans votre Espace Famille — ${p.tenant}`,
  messageIntro: 'Le service vous a envoyé un message. Pour le lire, connectez-vous à votre Espace Famille, rubrique « Mes actualités ».',
  messageButton: 'Lire mes messages',
  messageSmall: 'Par sécurité, le contenu du message n’est pas repris dans cet e-mail.',
};

export type MailMessages = typeof mailFr;
export type MailKey = keyof MailMessages;
