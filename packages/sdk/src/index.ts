export { createClient, memoryTokenStore, resolveTransport } from './client.ts';
export type { CallResult, ClientOptions, FamilleClient, Query, TokenStore, UploadOptions } from './client.ts';
export { ApiError, isApiError } from './errors.ts';
export type { ApiErrorKind, ClientErrorCode } from './errors.ts';
export type * from '@famille/contract';
