// Small DOM helpers for play functions. Plain DOM on purpose: the same stories run in
// Storybook and in web-test-runner, where Storybook's runtime is absent.

/** Resolves with the first truthy value of `probe`, checked on every animation frame. */
export async function waitFor<T>(probe: () => T | null | undefined | false, what = 'condition', timeoutMs = 20_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** The input whose visible label is `label` (exact text, asterisk aside). */
export function inputByLabel(root: ParentNode, label: string): HTMLInputElement | undefined {
  for (const el of root.querySelectorAll('label')) {
    if (el.textContent?.replace('*', '').trim() === label && el.control instanceof HTMLInputElement) return el.control;
  }
  return undefined;
}

/** Ticks a checkbox or picks a radio button by its label, as a click does. */
export async function choose(root: ParentNode, label: string): Promise<HTMLInputElement> {
  const input = await waitFor(
    () =>
      [...root.querySelectorAll('label')]
        .map((el) => (el.textContent?.replace('*', '').trim() === label ? el.control : null))
        .find((el): el is HTMLInputElement => el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')),
    `the "${label}" choice`,
  );
  input.click();
  return input;
}

/** The button (or link) whose text, without visually hidden suffixes, starts with `text`. */
export function buttonByText(root: ParentNode, text: string): HTMLElement | undefined {
  return [...root.querySelectorAll<HTMLElement>('button, a')].find((el) => el.textContent?.trim().startsWith(text));
}

/** Types as a user does: value set, then `input` and `change` events. */
export async function type(root: ParentNode, label: string, value: string): Promise<HTMLInputElement> {
  const input = await waitFor(() => inputByLabel(root, label), `the "${label}" field`);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return input;
}

export async function click(root: ParentNode, text: string): Promise<HTMLElement> {
  const button = await waitFor(() => buttonByText(root, text), `the "${text}" button`);
  button.click();
  return button;
}

/** Submits the first form and waits until it is no longer pending. */
export async function submit(root: ParentNode): Promise<void> {
  const form = await waitFor(() => root.querySelector('form'), 'a form');
  form.requestSubmit();
  // The pending state renders after a microtask: let the element render it first.
  await settle(form);
  await waitFor(() => !root.querySelector('[aria-busy="true"]'), 'the answer');
}

/** Waits for the closest Lit element around `node` to finish rendering. */
export async function settle(node: Element): Promise<void> {
  let el: Element | null = node;
  while (el && !('updateComplete' in el)) el = el.parentElement;
  if (el) await (el as Element & { updateComplete: Promise<unknown> }).updateComplete;
}

/** Waits for the element matching `selector` whose text includes `text`. */
export function waitForText(root: ParentNode, selector: string, text: string): Promise<Element> {
  return waitFor(() => [...root.querySelectorAll(selector)].find((el) => el.textContent?.includes(text)), `"${text}" in ${selector}`);
}

/** Chooses `file` in the file input labelled `label`, as a file picker does. */
export async function attach(root: ParentNode, label: string, file: File): Promise<HTMLInputElement> {
  const input = await waitFor(() => inputByLabel(root, label), `the "${label}" file input`);
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return input;
}

/** The select whose visible label is `label`. */
export function selectByLabel(root: ParentNode, label: string): HTMLSelectElement | undefined {
  for (const el of root.querySelectorAll('label')) {
    if (el.textContent?.replace('*', '').trim() === label && el.control instanceof HTMLSelectElement) return el.control;
  }
  return undefined;
}

/** Picks the option whose text starts with `text` in the select labelled `label`, as a user does. */
export async function pick(root: ParentNode, label: string, text: string): Promise<HTMLSelectElement> {
  const select = await waitFor(() => selectByLabel(root, label), `the "${label}" select`);
  const option = [...select.options].find((o) => o.text.trim().startsWith(text));
  if (!option) throw new Error(`no option "${text}" in "${label}"`);
  select.focus();
  select.value = option.value;
  select.dispatchEvent(new Event('input', { bubbles: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
  return select;
}
