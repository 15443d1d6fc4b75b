import type { PreregistrationConfig } from '@famille/contract';

/**
 * The crèche pre-registration démarche of the demo tenants, as data: a town changes its
 * structures, documents and questionnaire here (or in its own configuration), never in code.
 * Structures' names are the five EAJE of the Vienne Condrieu guide; their addresses are
 * FICTIONAL.
 */

const formats = ['application/pdf', 'image/jpeg', 'image/png'];
const fiveMegabytes = 5 * 1024 * 1024;

export const vienneCondrieuPreregistration: PreregistrationConfig = {
  intro: {
    fr:
      'Cette démarche vous permet de demander une place en établissement d’accueil du jeune enfant (EAJE) de l’Agglomération. ' +
      'Votre enfant doit d’abord être déclaré dans votre entourage (un futur enfant avec sa date de naissance prévue convient). ' +
      'Vous choisirez jusqu’à 3 structures par ordre de préférence (une 4e se signale dans « Observations »), ' +
      'joindrez les pièces justificatives (extrait d’acte de naissance, justificatif de domicile de moins de 3 mois, attestation CAF ou MSA) ' +
      'et répondrez au questionnaire. Votre demande sera étudiée en commission d’attribution des places (mars, juin, septembre et décembre). ' +
      'Votre saisie est enregistrée à chaque étape : vous pourrez la reprendre plus tard.',
    en:
      'This procedure lets you apply for a place in one of the Agglomération’s early-childhood centres (EAJE). ' +
      'Your child must first be declared in your household (an unborn child with the expected birth date will do). ' +
      'You will choose up to 3 centres in order of preference (a 4th one goes in “Observations”), ' +
      'attach the supporting documents (birth certificate, proof of address less than 3 months old, CAF or MSA certificate) ' +
      'and answer the questionnaire. Your application will be examined by the place allocation committee (March, June, September and December). ' +
      'What you enter is saved at every step: you can come back to it later.',
  },
  structures: [
    { id: 'cocon-de-soie', name: 'EAJE Cocon de Soie', type: 'Multi-accueil', address: '12 rue des Canuts, 38200 Vienne', ageMinMonths: 2, ageMaxMonths: 48 },
    {
      id: 'fleur-de-pyrus',
      name: 'EAJE Fleur de Pyrus',
      type: 'Multi-accueil',
      address: '5 allée des Poiriers, 38200 Vienne',
      ageMinMonths: 2,
      ageMaxMonths: 48,
    },
    { id: 'gem-minis', name: 'EAJE Gém’minis', type: 'Crèche collective', address: '3 place des Gémeaux, 38200 Vienne', ageMinMonths: 2, ageMaxMonths: 36 },
    {
      id: 'grain-d-aile',
      name: 'EAJE Grain d’Aile',
      type: 'Multi-accueil',
      address: '8 chemin de la Plume, 69420 Condrieu',
      ageMinMonths: 2,
      ageMaxMonths: 48,
    },
    {
      id: 'graine-de-malice',
      name: 'EAJE Graine de Malice',
      type: 'Micro-crèche',
      address: '21 quai du Rhône, 69420 Condrieu',
      ageMinMonths: 3,
      ageMaxMonths: 48,
    },
  ],
  maxChoices: 3,
  documents: [
    {
      type: 'extrait-naissance',
      label: { fr: 'Extrait d’acte de naissance de l’enfant', en: 'Child’s birth certificate (extract)' },
      required: true,
      // A future child has none yet: required once born.
      bornChildOnly: true,
      acceptedTypes: formats,
      maxBytes: fiveMegabytes,
    },
    {
      type: 'justificatif-domicile',
      label: { fr: 'Justificatif de domicile de moins de 3 mois', en: 'Proof of address less than 3 months old' },
      required: true,
      acceptedTypes: formats,
      maxBytes: fiveMegabytes,
      validityMonths: 3,
    },
    {
      type: 'attestation-caf-msa',
      label: { fr: 'Attestation CAF ou MSA (quotient familial)', en: 'CAF or MSA certificate (family quotient)' },
      required: false,
      acceptedTypes: formats,
      maxBytes: fiveMegabytes,
    },
  ],
  questionnaire: [
    {
      kind: 'yesNo',
      id: 'domicile-agglomeration',
      label: {
        fr: 'La famille est-elle domiciliée ou contribuable sur une commune de Vienne Condrieu Agglomération ?',
        en: 'Does the family live or pay local taxes in a municipality of Vienne Condrieu Agglomération?',
      },
      required: true,
    },
    {
      kind: 'multiple',
      id: 'situation-professionnelle',
      label: { fr: 'Quelle est la situation professionnelle des parents ?', en: 'What is the parents’ employment situation?' },
      hint: { fr: 'Parent 1 = référent allocataire CAF ou MSA', en: 'Parent 1 = the CAF or MSA benefit claimant' },
      minSelected: 1,
      options: [
        { id: 'parent1-travaille', label: { fr: 'Parent 1 travaille ou suit une formation', en: 'Parent 1 works or is in training' } },
        { id: 'parent2-travaille', label: { fr: 'Parent 2 travaille ou suit une formation', en: 'Parent 2 works or is in training' } },
        { id: 'parent1-recherche', label: { fr: 'Parent 1 en recherche d’emploi', en: 'Parent 1 is looking for work' } },
        { id: 'parent2-recherche', label: { fr: 'Parent 2 en recherche d’emploi', en: 'Parent 2 is looking for work' } },
        { id: 'aucun', label: { fr: 'Aucun ne travaille ou suit une formation', en: 'Neither works nor is in training' } },
      ],
    },
  ],
  commissionMonths: [3, 6, 9, 12],
};

/** A smaller town with another questionnaire: the element must adapt with no code change. */
export const exempleTenantPreregistration: PreregistrationConfig = {
  intro: {
    fr: 'Demandez une place dans l’une des deux crèches municipales. La commission se réunit en avril et en octobre.',
    en: 'Apply for a place in one of the two municipal nurseries. The committee meets in April and October.',
  },
  structures: [
    { id: 'les-lutins', name: 'Crèche Les Lutins', type: 'Crèche collective', address: '2 rue de l’École, 99000 Exemple', ageMinMonths: 3, ageMaxMonths: 36 },
    {
      id: 'petits-pas',
      name: 'Crèche familiale Petits Pas',
      type: 'Crèche familiale',
      address: '14 avenue de la Gare, 99000 Exemple',
      ageMinMonths: 2,
      ageMaxMonths: 48,
    },
  ],
  maxChoices: 2,
  documents: [
    {
      type: 'justificatif-domicile',
      label: { fr: 'Justificatif de domicile', en: 'Proof of address' },
      required: true,
      acceptedTypes: ['application/pdf'],
      maxBytes: 2 * 1024 * 1024,
    },
  ],
  questionnaire: [
    {
      kind: 'single',
      id: 'accueil-souhaite',
      label: { fr: 'Quel accueil souhaitez-vous ?', en: 'Which kind of care do you want?' },
      required: true,
      options: [
        { id: 'temps-plein', label: { fr: 'Temps plein (5 jours)', en: 'Full time (5 days)' } },
        { id: 'temps-partiel', label: { fr: 'Temps partiel (2 à 4 jours)', en: 'Part time (2 to 4 days)' } },
        { id: 'occasionnel', label: { fr: 'Occasionnel', en: 'Occasional' } },
      ],
    },
    {
      kind: 'yesNo',
      id: 'fratrie',
      label: {
        fr: 'Un frère ou une sœur est-il déjà accueilli dans une crèche de la ville ?',
        en: 'Is a brother or sister already cared for in one of the town’s nurseries?',
      },
      required: false,
    },
  ],
  commissionMonths: [4, 10],
};
