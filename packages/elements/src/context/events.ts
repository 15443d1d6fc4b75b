import type { FamilleAccountEvents } from '../account/account.ts';
import type { FamilleCreateAccountEvents } from '../create-account/create-account.ts';
import type { FamilleDashboardEvents } from '../dashboard/dashboard.ts';
import type { FamilleEntourageEvents } from '../entourage/entourage.ts';
import type { FamilleInvoicesEvents } from '../invoices/invoices.ts';
import type { FamilleDocumentsEvents } from '../documents/documents.ts';
import type { FamilleLoginEvents } from '../login/login.ts';
import type { FamillePreregistrationEvents } from '../preregistration/preregistration.ts';

/** `{ name: detail }` to `{ name: CustomEvent<detail> }`, for `HTMLElementEventMap`. */
export type FamilleEventMap<T> = { [K in keyof T]: CustomEvent<T[K]> };

/** Every `famille-*` event bubbles and crosses shadow roots, so a host page hears it. */
export function familleEvent<T>(type: string, detail: T, cancelable = false): CustomEvent<T> {
  return new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable });
}

/** Every element's events, declared once: `addEventListener('famille-login', …)` is typed on any element. */
declare global {
  interface HTMLElementEventMap
    extends
      FamilleEventMap<FamilleLoginEvents>,
      FamilleEventMap<FamilleCreateAccountEvents>,
      FamilleEventMap<FamilleEntourageEvents>,
      FamilleEventMap<FamilleInvoicesEvents>,
      FamilleEventMap<FamilleDashboardEvents>,
      FamilleEventMap<FamilleDocumentsEvents>,
      FamilleEventMap<FamilleAccountEvents>,
      // `famille-request-submitted` is declared by `<famille-entourage>` with its own detail.
      FamilleEventMap<Omit<FamillePreregistrationEvents, 'famille-request-submitted'>> {}
}
