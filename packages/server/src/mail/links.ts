import type { Tenant } from '../tenants/registry.ts';

/**
 * Links of the e-mails: the tenant's host page, the token in the fragment. The element
 * on that page reads `#famille-activation=…` / `#famille-reset=…` and calls the API;
 * `#famille-forgot-password` opens the "forgotten password" form.
 */
export const activationLink = (tenant: Tenant, token: string) => `${tenant.accountPageUrl}#famille-activation=${token}`;
export const resetLink = (tenant: Tenant, token: string) => `${tenant.accountPageUrl}#famille-reset=${token}`;
export const forgotPasswordLink = (tenant: Tenant) => `${tenant.accountPageUrl}#famille-forgot-password`;
/** Read by `<famille-account>` on that page, which confirms the new address (no session needed). */
export const emailChangeLink = (tenant: Tenant, token: string) => `${tenant.accountPageUrl}#famille-email=${token}`;
