/** `{ name: detail }` to `{ name: CustomEvent<detail> }`, for `HTMLElementEventMap`. */
export type FamilleEventMap<T> = { [K in keyof T]: CustomEvent<T[K]> };

/** Every `famille-*` event bubbles and crosses shadow roots, so a host page hears it. */
export function familleEvent<T>(type: string, detail: T, cancelable = false): CustomEvent<T> {
  return new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable });
}
