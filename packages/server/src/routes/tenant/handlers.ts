import type { HandlerTable } from '../../http/endpoint.ts';

export const tenantHandlers: Pick<HandlerTable, 'tenantConfig'> = {
  tenantConfig: async ({ tenant }) => tenant.config,
};
