export { FamillePortal } from './portal/portal.ts';
export { FamilleLogin } from './login/login.ts';
export type { FamilleLoginEventDetail, FamilleIdentifiantEventDetail } from './login/login.ts';
export { FamilleElement } from './context/famille-element.ts';
export { clientContext, sessionContext, tenantConfigContext, localeContext } from './context/contexts.ts';
export { createLocalizer, toLocale, messages } from './i18n/localize.ts';
export type { Localizer, MessageKey, Messages } from './i18n/localize.ts';
