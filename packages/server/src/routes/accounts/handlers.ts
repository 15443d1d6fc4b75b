import type { HandlerTable } from '../../http/endpoint.ts';
import { register } from '../../accounts/registration.ts';
import { activate, resendActivation } from '../../accounts/activation.ts';

export const accountHandlers: Pick<HandlerTable, 'register' | 'activate' | 'resendActivation'> = {
  register: async ({ c, app, tenant, body }) => {
    c.header('Cache-Control', 'no-store');
    return register(app, tenant, body, app.clientIp(c));
  },
  activate: async ({ c, app, tenant, body }) => {
    c.header('Cache-Control', 'no-store');
    return activate(app, tenant, body.token, app.clientIp(c));
  },
  resendActivation: async ({ c, app, tenant, body }) => {
    c.header('Cache-Control', 'no-store');
    return resendActivation(app, tenant, body, app.clientIp(c));
  },
};
