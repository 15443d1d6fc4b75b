// English words of the person forms, loaded with the element's English.
import type { PersonFormMessages } from './person-form.ts';

export const personFormEn: PersonFormMessages = {
  step: (p) => `Step ${p.n} of ${p.total}`,
  civilite: 'Title',
  madame: 'Mrs',
  monsieur: 'Mr',
  nomUsage: 'Surname in use',
  nomNaissance: 'Birth name',
  prenoms: 'First name(s)',
  dateNaissance: 'Date of birth',
  dateHint: 'As DD/MM/YYYY, for example 14/07/1990.',
  telephone: 'Telephone',
  mobile: 'Mobile',
  phoneHint: '10 digits, for example 04 74 78 32 10.',
  email: 'E-mail address',
  back: 'Previous step',
  change: 'Change',
  notGiven: 'Not given',
  login: 'Log in',
};
