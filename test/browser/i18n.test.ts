import { fieldErrorCodes, problemCodes, type TenantConfig } from '@famille/contract';
import { createLocalizer, kitMessages, toLocale, withMessages } from '@famille/elements';
import { loginTables, loginTablesWith } from '../../packages/elements/src/login/messages.ts';
import { paymentProblemsFr } from '../../packages/elements/src/i18n/payment-problems.ts';
import { paymentProblemsEn } from '../../packages/elements/src/i18n/payment-problems.en.ts';
import { assert } from './keyboard.ts';

const clientCodes = ['network_error', 'timeout', 'invalid_response', 'not_famille_api', 'version_mismatch'] as const;

describe('i18n', () => {
  before(async () => {
    await kitMessages.load('en');
  });

  it('has a French and an English text for every problem code of the contract and of the SDK (shared table or its domain’s)', async () => {
    const tables = withMessages(paymentProblemsFr, async () => paymentProblemsEn);
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
    assert(createLocalizer('fr').problem('too_many_attempts') === 'Trop de tentatives. Réessayez dans quelques minutes.', createLocalizer('fr').problem('too_many_attempts'));
    assert(createLocalizer('en').problem('too_many_attempts') === 'Too many attempts. Try again in a few minutes.', createLocalizer('en').problem('too_many_attempts'));
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

  it('keeps the English table complete: the same keys as the French one', () => {
    const missing = Object.keys(kitMessages.get('fr')!).filter((key) => !(key in kitMessages.get('en')!));
    assert(missing.length === 0, `missing in English: ${missing.join(', ')}`);
  });

  it('keeps the create-account table complete in English', async () => {
    const { createAccountFr } = await import('../../packages/elements/src/create-account/messages.fr.ts');
    const { createAccountEn } = await import('../../packages/elements/src/create-account/messages.en.ts');
    const missing = Object.keys(createAccountFr).filter((key) => !(key in createAccountEn));
    assert(missing.length === 0, `missing in English: ${missing.join(', ')}`);
  });

  it('keeps the login, its recovery flows and the password rules complete in English', async () => {
    const { recoveryFr, recoveryEnglish } = await import('../../packages/elements/src/login/recovery.ts');
    const recoveryTables = loginTablesWith(recoveryFr, recoveryEnglish);
    await recoveryTables.load('en');
    const missing = Object.keys(recoveryTables.get('fr')!).filter((key) => !(key in recoveryTables.get('en')!));
    assert(missing.length === 0, `missing in English: ${missing.join(', ')}`);
    const { t } = createLocalizer('en', undefined, recoveryTables);
    assert(t('forgotHeading') === 'Forgotten password' && t('loginHeading') === 'Log in to my account', 'the recovery’s words over the login’s');
    assert(t('ruleMinLength', { minimum: 1 }) === 'at least 1 character', `the password rules: ${t('ruleMinLength', { minimum: 1 })}`);
  });

  it('words plurals in each language', () => {
    assert(createLocalizer('fr').t('too_many_attempts', { minutes: 1 }) === 'Trop de tentatives. Réessayez dans 1 minute.', 'fr singular');
    assert(createLocalizer('fr').t('too_many_attempts', { minutes: 15 }) === 'Trop de tentatives. Réessayez dans 15 minutes.', 'fr plural');
    assert(createLocalizer('en').t('too_many_attempts', { minutes: 1 }) === 'Too many attempts. Try again in 1 minute.', 'en singular');
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
    assert(createLocalizer('fr').date('2025-12-31T23:30:00Z') === '1 janvier 2026', 'French date in Paris');
    assert(createLocalizer('fr').money(123456) === '1\u202f234,56\u00a0€', `French euros: ${createLocalizer('fr').money(123456)}`);
  });

  it('maps any language tag to a supported locale', () => {
    assert(toLocale('en-GB') === 'en' && toLocale('EN') === 'en', 'English tags');
    assert(toLocale('fr-FR') === 'fr' && toLocale('de') === 'fr', 'French, and the fallback');
    assert(toLocale('') === undefined && toLocale(null) === undefined, 'nothing for nothing');
  });
});
