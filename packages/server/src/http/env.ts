import type { Tenant } from '../tenants/registry.ts';

/** How the request's Origin relates to the tenant: decides CORS and CSRF. */
export type OriginCheck = 'same-origin' | 'allowed' | 'absent';

export interface AppEnv {
  Variables: {
    requestId: string;
    tenant: Tenant;
    origin: OriginCheck;
    /** An answer's body that is the same bytes at each request (a `JsonText`, the OpenAPI document): its compressed copy is kept too. */
    keptBody: Uint8Array<ArrayBuffer> | undefined;
    /** A contract endpoint's JSON answer, as serialized: compression reads its size here, not through the answer. */
    jsonText: string | undefined;
  };
}
