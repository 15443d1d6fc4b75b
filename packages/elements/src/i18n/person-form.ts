// Words of the forms about a person — the parent's own account and a member of their
// entourage — so that <famille-entourage> carries these, not the whole account form's table.
export const personFormFr = {
  step: (p: { n: number; total: number }) => `Étape ${p.n} sur ${p.total}`,
  civilite: 'Civilité',
  madame: 'Madame',
  monsieur: 'Monsieur',
  nomUsage: 'Nom d’usage',
  nomNaissance: 'Nom de naissance',
  prenoms: 'Prénom(s)',
  dateNaissance: 'Date de naissance',
  dateHint: 'Au format JJ/MM/AAAA, par exemple 14/07/1990.',
  telephone: 'Téléphone',
  mobile: 'Mobile',
  phoneHint: '10 chiffres, par exemple 04 74 78 32 10.',
  email: 'Courriel',
  back: 'Étape précédente',
  change: 'Modifier',
  notGiven: 'Non renseigné',
  login: 'Se connecter',
};
export type PersonFormMessages = typeof personFormFr;
