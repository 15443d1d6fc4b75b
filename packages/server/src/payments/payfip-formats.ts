// PayFiP's field formats: the tenant registry checks its settings with them, the adapter
// and the local fake its requests. No import, so that both sides can use it.

/** `saisie`: T test; X activation (real card, real debit, for the DGFiP's acceptance); W production. */
export type PayfipSaisie = 'T' | 'X' | 'W';

export const payfipFormats = {
  numcli: /^\d{6}$/,
  exer: /^\d{4}$/,
  refdet: /^[A-Za-z0-9]{6,30}$/,
  montant: /^[1-9]\d{0,9}$/,
  saisie: /^[TXW]$/,
  // Simple on purpose: the service answers A2 for what it rejects.
  mel: /^[^\s@<>]{1,64}@[^\s@<>]+\.[^\s@<>]+$/,
} as const;

export const isPayfipSaisie = (text: string): text is PayfipSaisie => payfipFormats.saisie.test(text);
