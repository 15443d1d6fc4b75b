export { familyHandlers } from './handlers.ts';
