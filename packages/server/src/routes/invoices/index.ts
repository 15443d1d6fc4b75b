export { invoiceHandlers } from './handlers.ts';
