export { devHandlers } from './handlers.ts';
