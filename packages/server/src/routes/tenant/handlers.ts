import type { TenantConfig } from '@famille/contract';
import { JsonText, type HandlerTable } from '../../http/endpoint.ts';

// Every page asks for its tenant's configuration first (7 kB of JSON for the demo's):
// serialized once per configuration object, and so compressed once too.
const serialized = new WeakMap<TenantConfig, JsonText<TenantConfig>>();

export const tenantHandlers: Pick<HandlerTable, 'tenantConfig'> = {
  tenantConfig: async ({ tenant }) => {
    let json = serialized.get(tenant.config);
    if (!json) serialized.set(tenant.config, (json = JsonText.of(JSON.stringify(tenant.config))));
    return json;
  },
};
