import type { Account, SessionTransport } from '@famille/contract';

export type AccountStatus = Account['status'];
export type PreferredContact = 'email' | 'telephone' | 'mobile' | 'courrier';
export interface AccountAddress {
  readonly numero?: string;
  readonly voie?: string;
  readonly batiment?: string;
  readonly appartement?: string;
  readonly complement?: string;
  readonly codePostal?: string;
  readonly commune?: string;
}
export type { SessionTransport };
