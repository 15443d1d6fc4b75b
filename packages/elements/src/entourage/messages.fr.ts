/**
 * Words of `<famille-entourage>`'s first view — the household and "Mes demandes" —
 * merged over the kit's table. The member form's, the role choice's, the removal's and
 * the confirmation's are in `editor-messages.fr.ts`, with the module that shows them.
 * Tenant overrides apply to these keys too.
 */
export const entourageFr = {
  entourageHeading: 'Mon entourage',
  entourageIntro:
    'Déclarez les personnes de votre foyer et vos contacts. Chaque ajout, modification ou suppression est une demande transmise au service pour traitement.',
  loading: 'Chargement…',
  loginRequired: 'Connectez-vous pour consulter et déclarer votre entourage.',
  emptyTitle: 'Vous n’avez encore déclaré personne.',
  emptyWhy:
    'Pour préinscrire votre enfant en crèche, déclarez-le d’abord dans votre entourage : le service ne peut traiter une préinscription que pour un enfant déclaré.',
  groupCoRepresentant: 'Co-représentant',
  groupFoyer: 'Membres du foyer',
  groupContacts: 'Contacts',
  groupCoRepresentantHint: 'L’autre parent, qui partage l’autorité parentale.',
  groupFoyerHint: 'Vos enfants, y compris un enfant à naître.',
  groupContactsHint: 'Les personnes autorisées à venir chercher l’enfant ou à prévenir en cas d’urgence.',
  noneInGroup: 'Personne pour l’instant.',
  addCoRepresentant: 'Ajouter le co-représentant',
  addEnfant: 'Ajouter un enfant',
  addFutur: 'Ajouter un futur enfant',
  addContact: 'Ajouter un contact',
  addMember: 'Ajouter un membre',
  kind_coRepresentant: 'co-représentant',
  kind_enfant: 'enfant',
  kind_futur: 'futur enfant',
  kind_contact: 'contact',
  autoriseRecuperation: 'Autorisé(e) à venir chercher l’enfant',
  appelUrgence: 'À appeler en cas d’urgence',
  download: 'Télécharger',
  requestNumber: (p: { n: number }) => `Demande n° ${p.n}`,
  requestOn: (p: { date: string }) => `Déposée le ${p.date}`,
  editMember: 'Modifier',
  removeMember: 'Supprimer',
  status_deposee: 'Déposée',
  status_en_cours: 'En cours',
  status_validee: 'Validée',
  status_refusee: 'Refusée',
  removalRequested: 'Suppression demandée',
  bornOn: (p: { date: string }) => `Né(e) le ${p.date}`,
  expectedOn: (p: { date: string }) => `Naissance prévue le ${p.date}`,
  futureChild: 'Futur enfant',
  serviceComment: 'Commentaire du service',
  requestsHeading: 'Mes demandes',
  noRequests: 'Aucune demande pour l’instant.',
  kindLabel_member_add: 'Ajout',
  kindLabel_member_update: 'Modification',
  kindLabel_member_remove: 'Suppression',
  kindLabel_identity_change: 'Modification d’identité',
  kindLabel_account_closure: 'Clôture du compte',
  historyTitle: 'Historique',
  historyEntry: (p: { status: string; date: string }) => `${p.status} le ${p.date}`,
  login: 'Se connecter',
};

export type EntourageMessages = typeof entourageFr;
