export { myAccountHandlers } from './handlers.ts';
