import type { Tenant } from './registry.ts';
import { cnilPasswordPolicy } from '../domain/password-policy.ts';

/**
 * Demo tenants. Vienne Condrieu Agglomération is modelled on its Espace Famille guide;
 * the phone number, e-mail and address are FICTIONAL (example.fr, 01 99 00 xx xx range
 * reserved for fiction by ARCEP).
 */
export function demoTenants(options: { allowedOrigins: readonly string[] }): Tenant[] {
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
        passwordPolicy: cnilPasswordPolicy,
        activationTtlHours: 48,
      },
      allowedOrigins: ['https://vienne-condrieu.example.fr', ...options.allowedOrigins],
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
        passwordPolicy: { minLength: 8, maxLength: 128, requiredClasses: ['lower', 'digit'], minClasses: 2, rejectCommon: true },
        activationTtlHours: 72,
        strings: { fr: { 'login.title': 'Mon Espace Famille' }, en: { 'login.title': 'My family account' } },
      },
      allowedOrigins: ['https://ville-exemple.example.fr', ...options.allowedOrigins],
    },
  ];
}
