import type { FieldError, RequestStatus } from '@famille/contract';

export type StatusChangeCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: 'conflict'; readonly detail: string }
  | { readonly ok: false; readonly problem: 'validation_failed'; readonly fieldErrors: FieldError[] };

/** Where a request may go from where it stands. Decided requests are final. */
const nextStatuses: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  deposee: ['en_cours', 'validee', 'refusee'],
  en_cours: ['validee', 'refusee'],
  validee: [],
  refusee: [],
};

/**
 * Whether an agent may move a request from `from` to `to`: a decided request (validée,
 * refusée) never changes (conflict); a refusal must say why (the family reads it).
 */
export function checkStatusChange(from: RequestStatus, to: RequestStatus, comment: string | undefined): StatusChangeCheck {
  if (!nextStatuses[from].includes(to)) {
    return { ok: false, problem: 'conflict', detail: `A request that is ${from} cannot become ${to}.` };
  }
  if (to === 'refusee' && !comment?.trim()) return { ok: false, problem: 'validation_failed', fieldErrors: [{ path: 'comment', code: 'required' }] };
  return { ok: true };
}

export const isDecided = (status: RequestStatus) => status === 'validee' || status === 'refusee';
