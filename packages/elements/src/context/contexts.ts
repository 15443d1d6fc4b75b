import { createContext } from '@lit/context';
import type { FamilleClient } from '@famille/sdk';
import type { Locale, Session, TenantConfig } from '@famille/contract';

/**
 * What `<famille-portal>` provides to the elements inside it. Keys are global symbols
 * so that two copies of the kit on one page (bundle + per-element entry) still match.
 */
export const clientContext = createContext<FamilleClient | undefined>(Symbol.for('famille.client'));
/** `undefined` while loading, `null` when nobody is logged in. */
export const sessionContext = createContext<Session | null | undefined>(Symbol.for('famille.session'));
export const tenantConfigContext = createContext<TenantConfig | undefined>(Symbol.for('famille.tenant-config'));
export const localeContext = createContext<Locale | undefined>(Symbol.for('famille.locale'));
