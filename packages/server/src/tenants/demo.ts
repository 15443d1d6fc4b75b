import type { Tenant } from './registry.ts';
import { cnilPasswordPolicy } from '../domain/password-policy.ts';
import { exempleTenantPreregistration, vienneCondrieuPreregistration } from './demo-preregistration.ts';

/**
 * Demo tenants. Vienne Condrieu Agglomération is modelled on its Espace Famille guide;
 * the phone number, e-mail and address are FICTIONAL (example.fr, 01 99 00 xx xx range
 * reserved for fiction by ARCEP).
 */
export interface DemoTenantsOptions {
  readonly allowedOrigins: readonly string[];
  /** The page embedding the elements, where e-mail links lead (default: each tenant's fictional site). */
  readonly accountPageUrl?: string;
}

/** PDF and photos (JPEG, PNG), 5 MB: what the Vienne guide's "pièces justificatives" need. */
export const demoUploads = { acceptedTypes: ['application/pdf', 'image/jpeg', 'image/png'], maxBytes: 5 * 1024 * 1024 };

export function demoTenants(options: DemoTenantsOptions): Tenant[] {
  return [
    {
      config: {
        id: 'vienne-condrieu',
        name: 'Vienne Condrieu Agglomération',
        contact: {
          service: 'Point Info Mode de Garde',
          phone: '01 99 00 38 20',
          email: 'point-info-mode-de-garde@vienne-condrieu.example.fr',
          address: 'Espace Famille, 1 rue de l’Exemple, 38200 Vienne',
          hours: {
            fr: 'Du lundi au vendredi, de 8 h 30 à 12 h et de 13 h 30 à 17 h',
            en: 'Monday to Friday, 8:30–12:00 and 13:30–17:00',
          },
        },
        defaultLocale: 'fr',
        locales: ['fr', 'en'],
        links: {
          cgu: 'https://vienne-condrieu.example.fr/espace-famille/cgu',
          dataProtection: 'https://vienne-condrieu.example.fr/espace-famille/donnees-personnelles',
          website: 'https://vienne-condrieu.example.fr',
        },
        notices: {
          cgu: {
            fr:
              'L’Espace Famille permet de gérer en ligne vos démarches petite enfance auprès de Vienne Condrieu Agglomération : préinscription en crèche, pièces justificatives, factures et paiements. ' +
              'Vous vous engagez à fournir des informations exactes et à garder votre mot de passe secret. Le service peut être interrompu pour maintenance.',
            en:
              'The Espace Famille lets you handle your childcare procedures with Vienne Condrieu Agglomération online: crèche pre-registration, supporting documents, invoices and payments. ' +
              'You undertake to give accurate information and to keep your password secret. The service may be interrupted for maintenance.',
          },
          dataProtection: {
            fr:
              'La collecte de vos données personnelles est nécessaire à une mission d’intérêt public : votre consentement n’est donc pas requis. ' +
              'Elles sont traitées par le service Petite Enfance de l’Agglomération, conservées pendant la durée de la prise en charge de votre enfant, puis archivées selon les règles applicables. ' +
              'Vous pouvez exercer vos droits d’accès, de rectification et de limitation auprès du délégué à la protection des données (dpo@vienne-condrieu.example.fr) et saisir la CNIL.',
            en:
              'Your personal data is collected for a task carried out in the public interest, so your consent is not required. ' +
              'It is processed by the Agglomération’s early-childhood service, kept while your child is cared for, then archived as the rules require. ' +
              'You may exercise your rights of access, rectification and restriction with the data protection officer (dpo@vienne-condrieu.example.fr) and complain to the CNIL.',
          },
        },
        passwordPolicy: cnilPasswordPolicy,
        uploads: demoUploads,
        activationTtlHours: 48,
        preregistration: vienneCondrieuPreregistration,
        // Fictional rules for the tariff simulator: closed 4 weeks a year, billed over 12 months.
        tariff: {
          closureWeeks: 4,
          billedMonths: 12,
          structures: [
            { id: 'cocon-de-soie', kind: 'collectif' },
            { id: 'fleur-de-pyrus', kind: 'collectif' },
            { id: 'gem-minis', kind: 'collectif' },
            { id: 'grain-d-aile', kind: 'collectif' },
            { id: 'graine-de-malice', kind: 'micro', closureWeeks: 5 },
          ],
        },
      },
      allowedOrigins: ['https://vienne-condrieu.example.fr', ...options.allowedOrigins],
      accountPageUrl: options.accountPageUrl ?? 'https://vienne-condrieu.example.fr/espace-famille',
    },
    {
      // A second, smaller tenant: proves that one deployment keeps municipalities apart.
      config: {
        id: 'ville-exemple',
        name: 'Ville d’Exemple',
        contact: {
          service: 'Guichet Famille',
          phone: '01 99 00 12 34',
          email: 'guichet-famille@ville-exemple.example.fr',
          address: 'Hôtel de ville, place de la Mairie, 99000 Exemple',
        },
        defaultLocale: 'fr',
        locales: ['fr', 'en'],
        links: {
          cgu: 'https://ville-exemple.example.fr/cgu',
          dataProtection: 'https://ville-exemple.example.fr/donnees-personnelles',
        },
        // The Vienne guide's own rule: 8 characters with a lower-case letter and a digit.
        notices: {
          cgu: {
            fr: 'Le portail famille de la Ville d’Exemple sert aux inscriptions et au paiement des services périscolaires et petite enfance. Vos identifiants sont personnels.',
            en: 'The Ville d’Exemple family portal is used to register for and pay the after-school and childcare services. Your credentials are personal.',
          },
          dataProtection: {
            fr: 'Vos données sont traitées par la Ville d’Exemple pour gérer les services à la famille (mission d’intérêt public), conservées le temps nécessaire, et jamais cédées. Contact : dpo@ville-exemple.example.fr.',
            en: 'Your data is processed by the Ville d’Exemple to run its family services (public-interest task), kept as long as needed, and never sold. Contact: dpo@ville-exemple.example.fr.',
          },
        },
        passwordPolicy: { minLength: 8, maxLength: 128, requiredClasses: ['lower', 'digit'], minClasses: 2, rejectCommon: true },
        uploads: demoUploads,
        activationTtlHours: 72,
        preregistration: exempleTenantPreregistration,
        // Another mensualisation: closed 5 weeks, billed over 11 months, the hourly rate rounded
        // down to the cent; a crèche familiale.
        tariff: {
          closureWeeks: 5,
          billedMonths: 11,
          hourlyRounding: 'down',
          structures: [
            { id: 'les-lutins', kind: 'collectif' },
            { id: 'petits-pas', kind: 'familial' },
          ],
        },
        strings: { fr: { 'login.title': 'Mon Espace Famille' }, en: { 'login.title': 'My family account' } },
      },
      allowedOrigins: ['https://ville-exemple.example.fr', ...options.allowedOrigins],
      accountPageUrl: options.accountPageUrl ?? 'https://ville-exemple.example.fr/portail-famille',
    },
  ];
}
