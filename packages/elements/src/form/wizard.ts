import { html, type ReactiveElement, type TemplateResult } from 'lit';

/**
 * After the next render, focuses the first element matching `selector` inside `host`
 * (a new step's heading, an error summary, a server message) and keeps it in view.
 */
export async function focusAfterRender(host: ReactiveElement, selector: string): Promise<void> {
  await host.updateComplete;
  const target = host.querySelector<HTMLElement>(selector) ?? host.shadowRoot?.querySelector<HTMLElement>(selector);
  target?.focus();
  target?.scrollIntoView?.({ block: 'nearest' });
}

/**
 * "Étape 2 sur 6", as the first line of a wizard step's heading (GOV.UK caption
 * pattern): focused with the heading, it is read with it.
 */
export function stepIndicator(text: string): TemplateResult {
  return html`<span class="famille-steps" part="steps">${text}</span>`;
}
