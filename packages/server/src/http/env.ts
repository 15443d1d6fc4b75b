import type { Tenant } from '../tenants/registry.ts';

/** How the request's Origin relates to the tenant: decides CORS and CSRF. */
export type OriginCheck = 'same-origin' | 'allowed' | 'absent';

export interface AppEnv {
  Variables: {
    requestId: string;
    tenant: Tenant;
    origin: OriginCheck;
    /**
     * The body of the JSON answer being returned, as its writer serialized it (an endpoint,
     * a problem, the OpenAPI document): JSON compression reads it here rather than through
     * the answer. Bytes are kept by their writer and sent again as they are (a `JsonText`):
     * compressed once.
     */
    jsonBody: string | Uint8Array<ArrayBuffer> | undefined;
  };
}
