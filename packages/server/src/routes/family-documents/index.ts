export { familyDocumentHandlers } from './handlers.ts';
