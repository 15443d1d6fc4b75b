export { tenantHandlers } from './handlers.ts';
