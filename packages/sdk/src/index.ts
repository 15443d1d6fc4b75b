export { createClient } from './client.ts';
export type { CallArgs, CallResult, ClientOptions, FamilleClient, Query } from './client.ts';
export { memoryTokenStore, registrableDomain, resolveTransport, sessionTokenStore } from './session.ts';
export type { TokenStore } from './session.ts';
export {
  account,
  accounts,
  agent,
  dashboard,
  documents,
  family,
  familyDocuments,
  invoices,
  messages,
  preregistration,
  requests,
  uploadDocument,
} from './resources.ts';
export type { UploadOptions } from './resources.ts';
export { ApiError, isApiError } from './errors.ts';
export type { ApiErrorInit, ApiErrorKind, ClientErrorCode } from './errors.ts';
export { endpoints } from '@famille/contract';
export type * from '@famille/contract';
