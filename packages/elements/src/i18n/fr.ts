/**
 * French, the default. A message is a string, or a function of its parameters so that
 * each language words plurals and agreements its own way. Problem and field-error
 * codes of the contract are keys too: every code has a text.
 *
 * Only what several elements (or the portal) show is here: every page carries this
 * table. An element's own words are in its folder (`login/messages.fr.ts`…), words of a
 * rarely used flow in that flow's module (`login/recovery-messages.fr.ts`), and pieces
 * shared by some elements only beside this file (`password-rules.ts`, `upload.ts`…).
 */
/** "3 caractères": the count and its word, plural from 2 (French). */
export const plural = (n: number, word: string): string => `${n} ${word}${n > 1 ? 's' : ''}`;

export const fr = {
  requiredLegend: 'Les champs marqués d’un astérisque (*) sont obligatoires.',
  identifiant: 'Identifiant',
  password: 'Mot de passe',
  show: 'Afficher',
  hide: 'Masquer',
  passwordSuffix: ' le mot de passe',
  errorSummary: 'Il y a un problème',
  errorPrefix: 'Erreur : ',
  retry: 'Réessayer',
  notConfigured: 'Ce service n’est pas configuré sur cette page (attributs api et tenant).',
  serviceUnreachable: 'L’Espace Famille ne répond pas pour le moment. Réessayez dans quelques minutes.',
  serviceMisconfigured:
    'L’Espace Famille n’est pas disponible sur cette page pour le moment : le site doit être mis à jour par votre collectivité. Réessayez plus tard ou contactez votre mairie.',
  saving: 'Enregistrement…',

  // Problem codes (contract) and client-side failures (SDK).
  validation_failed: 'Certaines informations sont à corriger.',
  malformed_body: 'La demande envoyée est illisible. Rechargez la page puis réessayez.',
  unsupported_media_type: 'Ce type de contenu n’est pas accepté.',
  payload_too_large: 'L’envoi est trop volumineux.',
  invalid_credentials: 'Identifiant ou mot de passe incorrect.',
  account_not_activated: 'Votre compte n’est pas encore activé. Ouvrez le lien d’activation reçu par courriel, ou demandez-en un nouveau.',
  // Elements other than the login form show it without the wait (`minutes` absent).
  too_many_attempts: (p: { minutes?: number }) => `Trop de tentatives. Réessayez dans ${p.minutes ? plural(p.minutes, 'minute') : 'quelques minutes'}.`,
  unauthenticated: 'Vous devez vous connecter pour continuer.',
  session_expired: 'Votre session a expiré. Reconnectez-vous.',
  forbidden: 'Vous n’avez pas accès à cette fonction.',
  origin_not_allowed: 'Ce site n’est pas autorisé à utiliser ce service.',
  token_invalid: 'Ce lien n’est pas valide. Vérifiez que l’adresse est complète, ou demandez un nouveau lien.',
  token_expired: 'Ce lien a expiré.',
  token_used: 'Ce lien a déjà été utilisé.',
  conflict: 'Cette demande n’est plus possible dans l’état actuel du dossier. Rechargez la page.',
  server_busy: 'Beaucoup de connexions en même temps : réessayez dans quelques secondes.',
  tenant_not_found: 'Cette collectivité est inconnue du service.',
  not_found: 'L’élément demandé est introuvable.',
  method_not_allowed: 'Cette opération n’est pas permise.',
  internal_error: 'Une erreur est survenue de notre côté. Réessayez dans quelques instants.',
  network_error: 'Le service est injoignable. Vérifiez votre connexion à Internet puis réessayez.',
  timeout: 'Le service n’a pas répondu à temps. Réessayez.',
  invalid_response: 'Le service a renvoyé une réponse inattendue. Réessayez plus tard.',
  not_famille_api: 'L’adresse du service Espace Famille est mal configurée sur ce site. Réessayez plus tard.',
  version_mismatch: 'L’Espace Famille est en cours de mise à jour. Rechargez la page dans quelques minutes.',

  // Field error codes (contract); `field` is the field's label.
  required: (p: { field: string }) => `Renseignez le champ « ${p.field} ».`,
  too_short: (p: { field: string; minimum: number }) => `« ${p.field} » doit contenir au moins ${plural(p.minimum, 'caractère')}.`,
  too_long: (p: { field: string; maximum: number }) => `« ${p.field} » doit contenir au plus ${plural(p.maximum, 'caractère')}.`,
  too_small: (p: { field: string; minimum: number }) => `« ${p.field} » doit être au moins ${p.minimum}.`,
  too_large: (p: { field: string; maximum: number }) => `« ${p.field} » doit être au plus ${p.maximum}.`,
  invalid_format: (p: { field: string }) => `Le format du champ « ${p.field} » n’est pas valide.`,
  invalid_value: (p: { field: string }) => `La valeur du champ « ${p.field} » n’est pas valide.`,
  invalid_type: (p: { field: string }) => `La valeur du champ « ${p.field} » n’est pas valide.`,
  invalid_characters: (p: { field: string }) => `« ${p.field} » contient un caractère non autorisé (caractère de contrôle ou retour à la ligne) : retapez-le.`,
  unknown_field: (p: { field: string }) => `Le champ « ${p.field} » n’est pas attendu.`,
  not_in_past: (p: { field: string }) => `« ${p.field} » doit être une date passée.`,
  not_in_future: (p: { field: string }) => `« ${p.field} » doit être une date à venir.`,
  unknown_reference: (p: { field: string }) => `« ${p.field} » fait référence à un élément introuvable.`,
  possible_duplicate: (p: { field: string; member?: string }) =>
    `${p.member ?? 'Cette personne'} figure déjà dans votre entourage, avec les mêmes nom, prénoms et date de naissance. S’il s’agit d’une autre personne (des jumeaux, par exemple), cochez « ${p.field} ».`,
  taken: (p: { field: string }) => `Déjà utilisé : choisissez un autre « ${p.field} ».`,
  too_weak: (p: { field: string }) => `« ${p.field} » ne respecte pas toutes les règles indiquées.`,
  too_common: (p: { field: string }) => `« ${p.field} » fait partie des mots de passe les plus courants : choisissez-en un autre.`,
  expired: (p: { field: string }) => `« ${p.field} » n’est plus valable : enregistrez un document plus récent.`,
};

export type Messages = typeof fr;
export type MessageKey = keyof Messages;
