/**
 * Words of `<famille-preregistration>`'s first views (information, drafts to resume, "Mes
 * demandes"), merged over the kit's table for this element; the later steps bring theirs
 * (wizard/messages.fr.ts). Tenant overrides apply to these keys too. The questionnaire,
 * the structures and the documents' labels come from the tenant's configuration.
 */
export const preregistrationFr = {
  preregHeading: 'Préinscrire mon enfant en crèche',
  loading: 'Chargement…',
  loginRequired: 'Connectez-vous pour préinscrire votre enfant en crèche.',
  login: 'Se connecter',
  start: 'Commencer',
  myRequests: 'Mes demandes',
  // Resume
  resumeHeading: 'Vous avez une demande en cours',
  resumeIntro: (p: { date: string }) => `Votre saisie a été enregistrée le ${p.date}. Vous pouvez la reprendre là où vous l’avez laissée.`,
  resumeFor: (p: { child: string }) => `Reprendre ma demande pour ${p.child}`,
  restart: 'Recommencer',
  restartFor: (p: { child: string }) => ` la demande pour ${p.child}`,
  newRequest: 'Faire une autre demande',
  futureChild: 'Futur enfant',
  requestNumber: (p: { number: number }) => `Demande n° ${p.number}`,
  // Mes demandes
  requestsHeading: 'Mes demandes de place en crèche',
  noRequests: 'Vous n’avez encore déposé aucune demande.',
  submittedOn: (p: { date: string }) => `Déposée le ${p.date}`,
  nextCommission: (p: { month: string }) => `Prochaine commission : ${p.month}`,
  desiredStart: (p: { date: string }) => `Entrée souhaitée : ${p.date}`,
  serviceComment: 'Commentaire du service',
  status_deposee: 'Déposée',
  status_en_instruction: 'En cours d’instruction',
  status_place_proposee: 'Place proposée',
  status_liste_attente: 'Liste d’attente',
  status_refusee: 'Refusée',
  status_annulee: 'Annulée',
  cancelRequest: 'Annuler ma demande',
  cancelHeading: (p: { number: number }) => `Annuler la demande n° ${p.number} ?`,
  cancelWarning: 'La demande sera retirée de la commission. Vous pourrez en déposer une nouvelle.',
  confirmCancel: 'Oui, annuler ma demande',
  keepRequest: 'Non, la garder',
  cancelled: (p: { number: number }) => `La demande n° ${p.number} est annulée.`,
  startDemarche: 'Faire une demande',
};

export type PreregistrationMessages = typeof preregistrationFr;
