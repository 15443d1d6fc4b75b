// The yearly attestations fiscales: what the family paid per year and child, and each year's PDF.
import { html, type TemplateResult } from 'lit';
import type { AttestationSummary } from '@famille/contract';
import type { InvoicesView } from './view.ts';

/** The years the family may declare; `download(year)` saves that year's PDF. */
export function attestationsSection(view: InvoicesView, years: readonly AttestationSummary[], download: (year: number) => void): TemplateResult {
  const { t, money } = view.i18n;
  return html`<section class="famille-stack" part="attestations" aria-labelledby=${view.id('attestations')}>
    ${view.heading(t('attestationsHeading'), { depth: 1, id: view.id('attestations') })}
    <p class="famille-hint">${t('attestationsIntro')}</p>
    ${
      years.length
        ? html`<ul class="famille-history" role="list">
          ${years.map(
            (a) => html`<li class="famille-stack">
              <p><strong>${t('attestationYear', { year: a.year })}</strong> : ${money(a.totalCents)}</p>
              <ul>${a.children.map((c) => html`<li>${t('attestationChild', { name: c.name, amount: money(c.paidCents) })}</li>`)}</ul>
              <p>
                <button type="button" class="famille-link" part="button" @click=${() => download(a.year)}>${t('attestationDownload', { year: a.year })}</button>
              </p>
            </li>`,
          )}
        </ul>`
        : html`<p>${t('attestationsEmpty')}</p>`
    }
  </section>`;
}
