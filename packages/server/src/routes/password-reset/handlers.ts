import type { HandlerTable } from '../../http/endpoint.ts';
import { requestPasswordReset, resetPassword } from '../../accounts/password-reset.ts';

export const passwordResetHandlers: Pick<HandlerTable, 'requestPasswordReset' | 'resetPassword'> = {
  requestPasswordReset: async ({ c, app, tenant, body }) => {
    c.header('Cache-Control', 'no-store');
    return requestPasswordReset(app, tenant, body, app.clientIp(c));
  },
  resetPassword: async ({ c, app, tenant, body }) => {
    c.header('Cache-Control', 'no-store');
    return resetPassword(app, tenant, body, app.clientIp(c));
  },
};
