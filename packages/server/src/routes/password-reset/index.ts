export { passwordResetHandlers } from './handlers.ts';
