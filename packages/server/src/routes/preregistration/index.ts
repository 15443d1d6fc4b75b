export { preregistrationHandlers } from './handlers.ts';
