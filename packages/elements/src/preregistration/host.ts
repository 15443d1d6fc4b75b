// What the démarche's modules use of `<famille-preregistration>`: its state and the
// parent's values, its words, its client, and the few moves every view shares.
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import type { ApiError, FamilleClient } from '@famille/sdk';
import type { LocalizedText, PreregistrationConfig } from '@famille/contract';
import { problemBox } from '../form/field.ts';
import type { HeadingOptions } from '../form/heading.ts';
import { focusAfterRender, stepIndicator } from '../form/wizard.ts';
import type { Localizer } from '../i18n/localize.ts';
import type { AllPreregistrationMessages } from './messages.ts';
import { emptyValues, Step, TOTAL_STEPS, type State, type Values } from './state.ts';

/** The ids of one element's headings and fields (unique in the page). */
export interface Ids {
  /** Each view's title: focus goes there when the view or the step changes. */
  heading: string;
  summary: string;
  field(path: string): string;
  draft(childId: string): string;
}

export function idsFor(base: string): Ids {
  return {
    heading: `${base}-heading`,
    summary: `${base}-summary`,
    field: (path) => `${base}-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`,
    draft: (childId) => `${base}-draft-${childId}`,
  };
}

export interface PreregistrationHost {
  /** The element: focus moves, queries and events happen there. */
  readonly element: ReactiveElement;
  readonly ids: Ids;
  readonly i18n: Localizer<AllPreregistrationMessages>;
  /** The tenant's démarche (read once the family's data is loaded). */
  readonly config: PreregistrationConfig;
  readonly client: FamilleClient | undefined;
  readonly state: State;
  readonly values: Values;
  /** Replaces part of the state: the element renders again. */
  set(patch: Partial<State>): void;
  /** Replaces part of what the parent typed: the element renders again. */
  setValues(patch: Partial<Values>): void;
  /** Saves the draft for `step`, after any save in flight. Rejects with the SDK's error. */
  save(step: Step): Promise<void>;
  asApiError(error: unknown): ApiError;
  /** A heading `depth` levels below the element's title (0: the title, at `heading-level`). */
  heading(content: unknown, options?: HeadingOptions & { depth?: number }): TemplateResult;
}

/** What a view reads to render (no request, no change). */
export type ViewHost = Pick<PreregistrationHost, 'ids' | 'i18n' | 'config' | 'state' | 'values' | 'heading'>;

/** Moves focus, after the next render, to the first match of `selector` in the element. */
export const focus = (host: Pick<PreregistrationHost, 'element'>, selector: string): Promise<void> => focusAfterRender(host.element, selector);

/** Shows a wizard step with no error of the previous one, focus on its heading. */
export function go(host: PreregistrationHost, step: Step, patch: Partial<State> = {}): void {
  host.set({ view: { name: 'wizard' }, step, errors: {}, summary: false, problem: undefined, ...patch });
  void focus(host, `#${host.ids.heading}`);
}

/** A new démarche, from its information. */
export function startFresh(host: PreregistrationHost): void {
  host.setValues(emptyValues());
  go(host, Step.Info, { fromReview: false, draftStatus: '' });
}

/** Shows the failure of `error` with "Réessayer" (`retry`), focused. */
export function failed(host: PreregistrationHost, error: unknown, retry: () => void, patch: Partial<State> = {}): void {
  host.set({ pending: false, problem: { error: host.asApiError(error), retry }, ...patch });
  void focus(host, '[part=alert]');
}

/** A view's title, which receives focus when the view changes; "Étape 2 sur 6" first on a wizard step. */
export function title(host: Pick<ViewHost, 'heading' | 'ids' | 'i18n'>, text: string, step?: Step): TemplateResult {
  const steps = step ? stepIndicator(host.i18n.t('steps', { step, total: TOTAL_STEPS })) : nothing;
  return host.heading(html`${steps}${text}`, { id: host.ids.heading });
}

/** A text of the tenant in the parent's language (French when the tenant wrote no English). */
export const local = (i18n: Pick<Localizer, 'locale'>, text: LocalizedText): string => (i18n.locale === 'en' ? (text.en ?? text.fr) : text.fr);

/** The failure of the last save, submission or cancellation, with "Réessayer". */
export function problemNotice({ i18n, state }: Pick<PreregistrationHost, 'i18n' | 'state'>): TemplateResult | typeof nothing {
  const p = state.problem;
  return p ? problemBox(i18n, p.error, p.retry, state.pending) : nothing;
}

/**
 * A button that shows the steps ("Commencer", "Reprendre…"), whose module the element may
 * have to load first: busy meanwhile (`State.opening` is its `key`), and still focusable.
 */
export function opener({ state }: Pick<ViewHost, 'state'>, key: string, label: string, onClick: () => void): TemplateResult {
  const busy = state.opening === key ? 'true' : nothing;
  return html`<button type="button" class="famille-button" part="button" aria-disabled=${busy} aria-busy=${busy} @click=${onClick}>${label}</button>`;
}
