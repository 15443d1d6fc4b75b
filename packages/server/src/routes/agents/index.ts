export { agentHandlers } from './handlers.ts';
