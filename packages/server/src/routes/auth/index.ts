export { authHandlers } from './handlers.ts';
