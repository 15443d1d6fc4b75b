// What the browser tests do as a keyboard user: Tab to something, press it, type in a field.
import { sendKeys } from '@web/test-runner-commands';
import { inputByLabel, waitFor } from '../../stories/support/play.ts';

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** An element's text, white space folded. */
export const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Puts focus on a button "Avant" just before `el`: where a keyboard user starts from on a page. */
export function focusJustBefore(el: Element): void {
  const before = document.createElement('button');
  before.textContent = 'Avant';
  el.before(before);
  before.focus();
}

/** Presses Tab until `probe` holds for the focused element (a keyboard user looking for it). */
export async function tabTo(probe: (el: Element | null) => boolean, what: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    if (probe(document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Waits until focus sits on a heading (`[part=heading]`) that says `words`. */
export const focusedHeading = (words: string) =>
  waitFor(() => document.activeElement?.matches('[part=heading]') && document.activeElement.textContent?.includes(words), `focus on "${words}"`);

/** Tabs to the field labelled `label` and types `value` into it. */
export async function fill(canvas: HTMLElement, label: string, value: string): Promise<void> {
  const input = await waitFor(() => inputByLabel(canvas, label), `"${label}"`);
  await tabTo((el) => el === input, `"${label}"`);
  await sendKeys({ type: value });
}

/** Tabs to the button that says `label` and presses Enter. */
export async function pressButton(label: string): Promise<void> {
  await tabTo((el) => text(el) === label, `"${label}"`);
  await sendKeys({ press: 'Enter' });
}
