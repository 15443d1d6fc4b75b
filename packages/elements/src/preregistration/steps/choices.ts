// Step 3: up to `maxChoices` structures, ranked (reordered with buttons, for the keyboard
// too), and the observations for further wishes.
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { AgeMismatch, PreregistrationConfig, Structure } from '@famille/contract';
import { focus, type PreregistrationHost } from '../host.ts';
import { choiceRow, type ChoiceRow } from '../state.ts';
import { ageMismatches, clearError, fieldError, isChoiceFixed } from '../validation.ts';

export const structureOf = (config: PreregistrationConfig, id: string): Structure | undefined => config.structures.find((s) => s.id === id);

/** The rows with the one of `key` moved `by` places, and where it went; `undefined` past either end. */
export function moved(rows: readonly ChoiceRow[], key: number, by: -1 | 1): { rows: ChoiceRow[]; to: number } | undefined {
  const from = rows.findIndex((r) => r.key === key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= rows.length) return undefined;
  const next = [...rows];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return { rows: next, to };
}

export function renderChoicesStep(host: PreregistrationHost): TemplateResult {
  const { i18n, config, ids } = host;
  const { t } = i18n;
  const rows = host.values.choices;
  // The structures every choice's list offers, and those that cannot take the child at
  // the start date, with why (worked out once for all the rows).
  const structures = config.structures;
  const unfit = ageMismatches(host.values, config, host.state.children);
  const groupError = fieldError(host, 'choices');
  const hintId = `${ids.field('choices')}-hint`;
  const notes = ids.field('observations');
  return html`<fieldset class="famille-section famille-field ${groupError ? 'famille-field--error' : ''}" aria-describedby=${hintId}>
      <legend part="label">${t('choicesHeading')}</legend>
      <p id=${hintId} class="famille-hint" part="hint">${t('choicesIntro', { max: config.maxChoices })}${unfit.size ? html` ${t('choicesAgeHint')}` : nothing}</p>
      ${groupError ? html`<p class="famille-error" part="error"><span class="famille-sr">${t('errorPrefix')}</span>${groupError}</p>` : nothing}
      <ol class="famille-choices-list" role="list">
        ${repeat(
          rows,
          (r) => r.key,
          (row, i) => renderChoice(host, row, i, structures, unfit),
        )}
      </ol>
      ${
        rows.length < config.maxChoices
          ? html`<div><button type="button" class="famille-button famille-button--secondary" part="button" data-add-choice
            @click=${() => addChoice(host)}><span aria-hidden="true">+ </span>${t('addChoice')}</button></div>`
          : nothing
      }
    </fieldset>
    <div class="famille-field" part="field">
      <label for=${notes} part="label">${t('observations')}</label>
      <p id="${notes}-hint" class="famille-hint" part="hint">${t('observationsHint', { next: config.maxChoices + 1 })}</p>
      <textarea id=${notes} name="observations" part="input" rows="4" maxlength="2000"
        aria-describedby="${notes}-hint" .value=${host.values.observations}></textarea>
    </div>`;
}

/** One ranked choice: its structure, "Monter" / "Descendre" (named after it) and "Supprimer ce choix". */
function renderChoice(
  host: PreregistrationHost,
  row: ChoiceRow,
  i: number,
  structures: readonly Structure[],
  unfit: ReadonlyMap<string, AgeMismatch>,
): TemplateResult {
  const { i18n, config } = host;
  const { t } = i18n;
  const count = host.values.choices.length;
  const id = host.ids.field(`choices.${i}`);
  const error = fieldError(host, `choices.${i}`);
  const name = structureOf(config, row.value)?.name ?? t('choiceLabel', { n: i + 1 });
  const sr = html`<span class="famille-sr"> ${name}</span>`;
  return html`<li class="famille-choice-row famille-field ${error ? 'famille-field--error' : ''}" part="choice" data-key=${row.key}>
    <label for=${id} part="label">${t('choiceLabel', { n: i + 1 })}</label>
    ${error ? html`<p id="${id}-error" class="famille-error" part="error"><span class="famille-sr">${t('errorPrefix')}</span>${error}</p>` : nothing}
    <select id=${id} name="choice" data-key=${row.key} part="input" aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${error ? `${id}-error` : nothing}>
      <option value="" ?selected=${!row.value}>${t('chooseStructure')}</option>
      ${structures.map((s) => structureOption(s, s.id === row.value, unfit.get(s.id), i18n))}
    </select>
    <div class="famille-actions">
      ${
        i > 0
          ? html`<button type="button" class="famille-button famille-button--secondary" part="button" data-move="up"
            @click=${() => moveChoice(host, row.key, -1)}>${t('moveUp')}${sr}</button>`
          : nothing
      }
      ${
        i < count - 1
          ? html`<button type="button" class="famille-button famille-button--secondary" part="button" data-move="down"
            @click=${() => moveChoice(host, row.key, 1)}>${t('moveDown')}${sr}</button>`
          : nothing
      }
      ${
        count > 1
          ? html`<button type="button" class="famille-link" part="link" data-remove-choice
            @click=${() => removeChoice(host, row.key)}>${t('removeChoice')}<span class="famille-sr"> ${t('choiceLabel', { n: i + 1 })}</span></button>`
          : nothing
      }
    </div>
  </li>`;
}

/**
 * A structure in a choice's list: name, kind and address; greyed (disabled) with the
 * reason when it cannot take the child at the start date, as the server would refuse it.
 */
const structureOption = (s: Structure, selected: boolean, unfit: AgeMismatch | undefined, i18n: PreregistrationHost['i18n']): TemplateResult =>
  html`<option value=${s.id} ?selected=${selected} ?disabled=${!!unfit}>${s.name} — ${s.type}, ${s.address}${
    unfit ? ` — ${i18n.t('structureUnfit', { age: unfit.ageMonths, min: unfit.ageMinMonths, max: unfit.ageMaxMonths })}` : ''
  }</option>`;

export function structureChosen(host: PreregistrationHost, key: string | undefined, value: string): void {
  const i = host.values.choices.findIndex((r) => String(r.key) === key);
  if (i < 0) return;
  host.setValues({ choices: host.values.choices.map((r, j) => (j === i ? { ...r, value } : r)) });
  clearError(host, `choices.${i}`, isChoiceFixed(host.values, i));
  clearError(host, 'choices.0', !!value && i === 0);
}

function addChoice(host: PreregistrationHost): void {
  const row = choiceRow();
  host.setValues({ choices: [...host.values.choices, row] });
  void focus(host, `select[data-key="${row.key}"]`);
}

function removeChoice(host: PreregistrationHost, key: number): void {
  const rows = host.values.choices;
  const i = rows.findIndex((r) => r.key === key);
  const left = rows.filter((r) => r.key !== key);
  const next = left[Math.min(i, left.length - 1)]!;
  host.setValues({ choices: left });
  // Errors are by position: they no longer match.
  host.set({ errors: {}, summary: false, announce: host.i18n.t('choiceRemoved', { n: i + 1 }) });
  void focus(host, `select[data-key="${next.key}"]`);
}

async function moveChoice(host: PreregistrationHost, key: number, by: -1 | 1): Promise<void> {
  const move = moved(host.values.choices, key, by);
  if (!move) return;
  host.setValues({ choices: move.rows });
  const name = structureOf(host.config, move.rows[move.to]!.value)?.name ?? host.i18n.t('chooseStructure');
  host.set({ errors: {}, summary: false, announce: host.i18n.t('movedTo', { name, n: move.to + 1 }) });
  await host.element.updateComplete;
  // Focus stays on the moved choice: the same button if it is still there, else the other one, else its select.
  const item = host.element.querySelector(`li[data-key="${key}"]`);
  const target =
    item?.querySelector<HTMLElement>(`[data-move="${by < 0 ? 'up' : 'down'}"]`) ??
    item?.querySelector<HTMLElement>('[data-move]') ??
    item?.querySelector<HTMLElement>('select');
  target?.focus();
}
