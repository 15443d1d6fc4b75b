import type { Account, SessionTransport } from '@famille/contract';

export type AccountStatus = Account['status'];
export type { SessionTransport };
