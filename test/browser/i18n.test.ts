import { fieldErrorCodes, problemCodes, type TenantConfig } from '@famille/contract';
import { createLocalizer, kitMessages, toLocale, withMessages } from '@famille/elements';
import type { MessageTable, MessageTables } from '../../packages/elements/src/i18n/localize.ts';
import { loginTables, loginTablesWith } from '../../packages/elements/src/login/messages.ts';
import { createAccountTables } from '../../packages/elements/src/create-account/messages.ts';
import { entourageTables } from '../../packages/elements/src/entourage/messages.ts';
import { preregistrationTables } from '../../packages/elements/src/preregistration/messages.ts';
import { invoicesTables } from '../../packages/elements/src/invoices/messages.ts';
import { documentsTables } from '../../packages/elements/src/documents/messages.ts';
import { accountTables } from '../../packages/elements/src/account/messages.ts';
import { dashboardTables } from '../../packages/elements/src/dashboard/messages.ts';
import { paymentProblemsFr } from '../../packages/elements/src/i18n/payment-problems.ts';
import { paymentProblemsEn } from '../../packages/elements/src/i18n/payment-problems.en.ts';
import { uploadFr } from '../../packages/elements/src/i18n/upload.ts';
import { uploadEn } from '../../packages/elements/src/i18n/upload.en.ts';
import { assert } from './keyboard.ts';

const clientCodes = ['network_error', 'timeout', 'invalid_response', 'not_famille_api', 'version_mismatch'] as const;

/**
 * Sample parameters: a number of its own for each numeric parameter, a word of its own
 * for the others, so that a parameter lost, misnamed or mistaken for another shows in the text.
 */
const sampleNumbers: Record<string, number> = {
  minimum: 37,
  maximum: 41,
  minutes: 43,
  n: 47,
  number: 53,
  count: 59,
  payable: 61,
  step: 67,
  total: 71,
  max: 73,
  next: 79,
  hours: 83,
  met: 89,
  year: 2031,
};
const sampleOf = (name: string) => sampleNumbers[name] ?? `zz${name.toLowerCase()}`;
const sampleParams = new Proxy({}, { get: (_, name) => (typeof name === 'string' ? sampleOf(name) : undefined) });

/** A message as an element shows it, given the sample parameters. */
function render(message: MessageTable[string] | undefined): unknown {
  try {
    return typeof message === 'function' ? message(sampleParams as never) : message;
  } catch (error) {
    return error;
  }
}

/**
 * Words the same in both languages ("Mobile", "Contacts", "PDF"…): any other English
 * message equal to its French one was left untranslated.
 */
const sameInBothLanguages = new Set(['mobile', 'groupContacts', 'kind_contact', 'observations', 'questionnaireHeading', 'pdf', 'method_cesu']);

/** What is wrong with an English message next to its French one, if anything. */
function wrongEnglish(key: string, french: unknown, english: unknown): string | undefined {
  if (typeof english !== 'string') return `not a text: ${String(english)}`;
  if (!english.trim()) return 'empty';
  if (/\bundefined\b|\bNaN\b|\bnull\b|\[object/.test(english)) return `a parameter missing: ${english}`;
  if (english === french && !sameInBothLanguages.has(key)) return `the French words: ${english}`;
  const shown = (text: string) =>
    Object.keys(sampleNumbers)
      .filter((name) => new RegExp(`\\b${sampleNumbers[name]}\\b`).test(text))
      .concat(text.match(/zz\w+/g) ?? [])
      .sort()
      .join(', ');
  if (shown(english) !== shown(String(french)))
    return `shows ${shown(english) || 'no parameter'} where the French shows ${shown(String(french)) || 'none'}: ${english}`;
  return undefined;
}

describe('i18n', () => {
  before(async () => {
    await kitMessages.load('en');
  });

  it('has a French and an English text for every problem code of the contract and of the SDK (shared table or its domain’s)', async () => {
    const tables = withMessages({ ...paymentProblemsFr, ...uploadFr }, async () => ({ ...paymentProblemsEn, ...uploadEn }));
    await tables.load('en');
    for (const locale of ['fr', 'en'] as const) {
      const { problem } = createLocalizer(locale, undefined, tables);
      const generic = problem('internal_error');
      for (const code of [...problemCodes, ...clientCodes]) {
        const text = problem(code, { minutes: 3 });
        assert(text.length > 5 && !text.includes('undefined'), `${locale}: ${code} → ${text}`);
        assert(code === 'internal_error' || text !== generic, `${locale}: ${code} has its own text`);
      }
    }
  });

  it('words "too many attempts" without the wait when an element has none to give (entourage, invoices…), instead of failing to render', () => {
    assert(
      createLocalizer('fr').problem('too_many_attempts') === 'Trop de tentatives. Réessayez dans quelques minutes.',
      createLocalizer('fr').problem('too_many_attempts'),
    );
    assert(
      createLocalizer('en').problem('too_many_attempts') === 'Too many attempts. Try again in a few minutes.',
      createLocalizer('en').problem('too_many_attempts'),
    );
    assert(createLocalizer('fr').problem('too_many_attempts', { minutes: 3 }) === 'Trop de tentatives. Réessayez dans 3 minutes.', 'with the wait');
  });

  it('words a problem code the page carries no text for as a generic failure, not a blank', () => {
    const { problem } = createLocalizer('fr');
    assert(problem('payment_in_progress') === problem('internal_error'), 'a payment code on the login page');
    assert(problem('a_code_from_a_newer_server').startsWith('Une erreur est survenue'), 'an unknown code');
  });

  it('has a French and an English text for every field error code, naming the field', () => {
    for (const locale of ['fr', 'en'] as const) {
      const t = createLocalizer(locale).t as (key: string, params?: object) => string;
      for (const code of fieldErrorCodes) {
        const text = t(code, { field: 'Identifiant', minimum: 8, maximum: 254 });
        assert(text.toLowerCase().includes('identifiant') && !text.includes('undefined'), `${locale}: ${code} → ${text}`);
      }
    }
  });

  it('words every message of every element in English: a sentence of its own, with the parameters the French one shows', async () => {
    const { recoveryFr, recoveryEnglish } = await import('../../packages/elements/src/login/recovery.ts');
    const tables = {
      'the kit and the portal': kitMessages,
      'famille-login': loginTables,
      'famille-login’s recovery flows': loginTablesWith(recoveryFr, recoveryEnglish),
      'famille-create-account': createAccountTables,
      'famille-entourage': entourageTables,
      'famille-entourage’s member form': await import('../../packages/elements/src/entourage/editor.ts').then(async ({ editorFr, editorEnglish }) =>
        (await import('../../packages/elements/src/entourage/messages.ts')).entourageTablesWith(editorFr, editorEnglish),
      ),
      'famille-preregistration': preregistrationTables,
      'famille-preregistration’s steps': await import('../../packages/elements/src/preregistration/wizard.ts').then(async ({ wizardFr, wizardEnglish }) =>
        (await import('../../packages/elements/src/preregistration/messages.ts')).preregistrationTablesWith(wizardFr, wizardEnglish),
      ),
      'famille-invoices': invoicesTables,
      'famille-invoices’ payment flows': await import('../../packages/elements/src/invoices/flows.ts').then(async ({ flowsFr, flowsEnglish }) =>
        (await import('../../packages/elements/src/invoices/messages.ts')).invoicesTablesWith(flowsFr, flowsEnglish),
      ),
      'famille-documents': documentsTables,
      'famille-account': accountTables,
      'famille-dashboard': dashboardTables,
    } as Record<string, MessageTables<object>>;
    const problems: string[] = [];
    const kitKeys = Object.keys(kitMessages.get('fr')!).length;
    for (const [owner, table] of Object.entries(tables)) {
      // Through the tables' own loading, as an element on an English page gets them.
      await table.load('en');
      const fr = table.get('fr') as MessageTable;
      const en = table.get('en') as MessageTable | undefined;
      assert(en, `${owner}: no English table after load('en')`);
      assert(kitKeys > 50 && Object.keys(fr).length >= kitKeys, `${owner}: the kit's messages and its own (${Object.keys(fr).length})`);
      for (const key of Object.keys(fr)) {
        const french = render(fr[key]);
        const english = render(en[key]);
        const problem = wrongEnglish(key, french, english);
        if (problem) problems.push(`${owner} ${key}: ${problem}`);
      }
    }
    assert(problems.length === 0, `${problems.length} English message(s) wrong:\n  ${problems.join('\n  ')}`);
  });

  it('words plurals in each language', async () => {
    assert(createLocalizer('fr').t('too_many_attempts', { minutes: 1 }) === 'Trop de tentatives. Réessayez dans 1 minute.', 'fr singular');
    assert(createLocalizer('fr').t('too_many_attempts', { minutes: 15 }) === 'Trop de tentatives. Réessayez dans 15 minutes.', 'fr plural');
    assert(createLocalizer('en').t('too_many_attempts', { minutes: 1 }) === 'Too many attempts. Try again in 1 minute.', 'en singular');
    const { recoveryFr, recoveryEnglish } = await import('../../packages/elements/src/login/recovery.ts');
    const recoveryTables = loginTablesWith(recoveryFr, recoveryEnglish);
    await recoveryTables.load('en');
    const rule = createLocalizer('en', undefined, recoveryTables).t('ruleMinLength', { minimum: 1 });
    assert(rule === 'at least 1 character', `the password rules, singular: ${rule}`);
  });

  it("uses the tenant's wording when it overrides a message, with its parameters", async () => {
    // `submit` is the login's own word (login/messages.fr.ts), under the key it always had.
    await loginTables.load('en');
    const config = { strings: { fr: { submit: 'Connexion', too_many_attempts: 'Patientez {minutes} min.' } } } as unknown as TenantConfig;
    const fr = createLocalizer('fr', config, loginTables);
    assert(fr.t('submit') === 'Connexion', 'a plain override');
    assert(fr.t('too_many_attempts', { minutes: 7 }) === 'Patientez 7 min.', 'an override with a parameter');
    assert(createLocalizer('en', config, loginTables).t('submit') === 'Log in', 'other locales keep the kit wording');
  });

  it('shows dates in Europe/Paris, whatever the machine time zone', () => {
    // 23:30 UTC on 31 December is already 1 January in Paris.
    assert(createLocalizer('fr').date('2025-12-31T23:30:00Z') === '1er janvier 2026', 'French date in Paris, with the ordinal of the first');
    assert(createLocalizer('en').date('2025-12-31T23:30:00Z') === '1 January 2026', 'English date in Paris');
    assert(createLocalizer('fr').money(123456) === '1\u202f234,56\u00a0€', `French euros: ${createLocalizer('fr').money(123456)}`);
  });

  it('maps any language tag to a supported locale', () => {
    assert(toLocale('en-GB') === 'en' && toLocale('EN') === 'en', 'English tags');
    assert(toLocale('fr-FR') === 'fr' && toLocale('de') === 'fr', 'French, and the fallback');
    assert(toLocale('') === undefined && toLocale(null) === undefined, 'nothing for nothing');
  });
});
