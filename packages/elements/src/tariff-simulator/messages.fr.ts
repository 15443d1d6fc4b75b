/**
 * Words of `<famille-tariff-simulator>`, kept out of the kit's common table so that other
 * pages do not carry them. Tenant overrides apply to these keys too.
 */
export const tariffFr = {
  tariffHeading: 'Simulateur de tarifs',
  tariffIntro:
    'Estimez ce que coûtera une place en crèche à votre foyer, selon le barème national des participations familiales de la Caf. Rien n’est enregistré.',
  resourcesLegend: 'Vos ressources',
  yearlyChoice: 'Revenus annuels du foyer',
  monthlyChoice: 'Montant mensuel de la Caf',
  yearlyLabel: 'Revenus annuels du foyer (en euros)',
  yearlyHint: 'Revenus de l’avant-dernière année, avant abattements : par exemple 32 000.',
  monthlyLabel: 'Ressources mensuelles communiquées par la Caf (en euros)',
  monthlyHint: 'Le montant de votre dossier Caf : par exemple 2 650,50.',
  childrenLabel: 'Nombre d’enfants à charge',
  childrenHint: 'Tous les enfants à charge du foyer, celui qui sera accueilli compris.',
  childrenFromFamily: (p: { count: number }) => `D’après votre Espace Famille : ${p.count} enfant${p.count > 1 ? 's' : ''}.`,
  aeehLabel: 'Dont enfants bénéficiaires de l’AEEH',
  aeehHint: 'Allocation d’éducation de l’enfant handicapé : chacun compte pour un enfant de plus dans le barème.',
  careLabel: 'Structure ou mode d’accueil',
  careStructures: 'Les structures',
  careKinds: 'Modes d’accueil',
  kind_collectif: 'Accueil collectif (crèche, multi-accueil)',
  kind_micro: 'Micro-crèche',
  kind_familial: 'Accueil familial ou parental',
  scheduleHeading: (p: { name: string }) => `Formule ${p.name}`,
  daysLabel: 'Jours par semaine',
  hoursLabel: 'Heures par jour',
  hoursHint: 'Par exemple 9 ou 8,5.',
  weeksLabel: 'Semaines d’accueil par an',
  weeksHint: (p: { max: number }) => `${p.max} au plus : la structure ferme ${52 - p.max} semaine${52 - p.max > 1 ? 's' : ''} par an.`,
  invalidAmount: 'Indiquez un montant en euros, par exemple 32 000.',
  invalidWhole: (p: { min: number; max: number }) => `Indiquez un nombre entier de ${p.min} à ${p.max}.`,
  invalidHours: 'Indiquez un nombre d’heures de 0,5 à 24, par exemple 8,5.',
  resultHeading: 'Votre estimation',
  incomplete: 'Complétez le formulaire pour voir l’estimation.',
  resourcesLine: (p: { amount: string }) => `Vos ressources mensuelles retenues : ${p.amount}`,
  plancherApplied: ' (plancher appliqué)',
  plafondApplied: ' (plafond appliqué)',
  rateLine: (p: { rate: string; bracket: number }) =>
    `Taux d’effort : ${p.rate} par heure (barème d’une famille de ${p.bracket} enfant${p.bracket > 1 ? 's' : ''})`,
  hourlyLine: (p: { resources: string; rate: string; hourly: string }) => `Tarif horaire : ${p.resources} × ${p.rate} = ${p.hourly}`,
  roundedDown: ' (arrondi au centime inférieur, comme le facture votre collectivité)',
  baremeLine: (p: { date: string; kind: string }) => `Barème national de la Caf en vigueur au ${p.date} : ${p.kind.toLowerCase()}.`,
  hourlyRate: 'Tarif horaire',
  monthlyAmount: 'Montant mensuel',
  yearlyCost: 'Coût annuel',
  hoursLine: (p: { weeks: number; weekly: string; months: number; hours: string }) =>
    `${p.weeks} semaines × ${p.weekly} ÷ ${p.months} mois = ${p.hours} facturées par mois`,
  yearlyLine: (p: { months: number }) => `${p.months} mensualités`,
  perMonth: (p: { name: string; amount: string }) => `Formule ${p.name} : ${p.amount} par mois.`,
  noBareme: 'Le barème en vigueur à cette date n’est pas intégré au simulateur. La structure vous indiquera son tarif.',
  disclaimer:
    'Estimation indicative : la structure calcule le tarif définitif avec les ressources connues de la Caf et votre contrat d’accueil. Repas et couches sont compris.',
  apply: 'Faire une demande de place en crèche',
};

export type TariffMessages = typeof tariffFr;
