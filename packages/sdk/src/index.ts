export { createClient, memoryTokenStore, resolveTransport } from './client.ts';
export type { CallArgs, CallResult, ClientOptions, FamilleClient, Query, TokenStore } from './client.ts';
export { accounts, agent, documents, family, invoices, preregistration, requests } from './resources.ts';
export type { UploadOptions } from './resources.ts';
export { ApiError, isApiError } from './errors.ts';
export type { ApiErrorKind, ClientErrorCode } from './errors.ts';
export { endpoints } from '@famille/contract';
export type * from '@famille/contract';
