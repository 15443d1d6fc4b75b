import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ApiError, endpoints } from '@famille/sdk';
import { issuesToFieldErrors, MemberInput, type DocumentInfo, type FamilyRequest, type FieldError, type Member, type RequestStatus } from '@famille/contract';
import { FamilleElement } from '../context/famille-element.ts';
import { SessionLoad } from '../context/session-load.ts';
import { familleEvent, type FamilleEventMap } from '../context/events.ts';
import { checkbox, choices, errorSummary, field, problemBox, retriable, secondaryButton, submitButton, type InputType } from '../form/field.ts';
import { focusAfterRender, stepIndicator } from '../form/wizard.ts';
import { loginLink } from '../form/login-link.ts';
import { today, typedDate, typedToIso } from '../form/dates.ts';
import { abortUpload, discardUpload, fileField, newUpload, saveFile, sendUpload, uploadItem, uploadRuleParts, type Upload } from '../form/upload.ts';
import { entourageTables, type AllEntourageMessages as AllMessages } from './messages.ts';
import type { MessageTables } from '../i18n/localize.ts';
import { entourageStyles } from './entourage.styles.ts';

type Key = keyof AllMessages;

/** The events of `<famille-entourage>`, by name. */
export interface FamilleEntourageEvents {
  'famille-member-saved': { member: Member; request: FamilyRequest };
  'famille-request-submitted': { request: FamilyRequest };
}

declare global {
  interface HTMLElementEventMap extends FamilleEventMap<FamilleEntourageEvents> {}
}

/** What the parent declares: a future child is a child with an expected birth date. */
export type MemberKind = 'coRepresentant' | 'enfant' | 'futur' | 'contact';
const kinds: readonly MemberKind[] = ['coRepresentant', 'enfant', 'futur', 'contact'];

interface Spec {
  name: string;
  req?: 1;
  type?: InputType;
  mode?: string;
  hint?: Key;
  options?: readonly Key[];
  /** A yes/no checkbox (a boolean of the contract). */
  check?: 1;
}

const dateSpec = (name: string, req?: 1): Spec => ({
  name,
  mode: 'numeric',
  hint: name === 'dateNaissance' ? 'dateHint' : 'futureDateHint',
  ...(req && { req }),
});
const phone = (name: string, req?: 1): Spec => ({ name, type: 'tel', hint: 'phoneHint', ...(req && { req }) });

/**
 * The fields of each kind. No `autocomplete` token: these fields describe another
 * person than the parent, and tokens such as `given-name` would fill in the parent's own.
 */
const specs: Record<MemberKind, readonly Spec[]> = {
  coRepresentant: [
    { name: 'civilite', req: 1, options: ['madame', 'monsieur'] },
    { name: 'nomUsage', req: 1 },
    { name: 'nomNaissance' },
    { name: 'prenoms', req: 1 },
    dateSpec('dateNaissance'),
    { name: 'email', type: 'email', hint: 'emailHintOther' },
    phone('telephone'),
    phone('mobile'),
  ],
  enfant: [{ name: 'nomUsage', req: 1 }, { name: 'prenoms', req: 1 }, { name: 'sexe', options: ['feminin', 'masculin'] }, dateSpec('dateNaissance', 1)],
  futur: [{ name: 'nomUsage', req: 1 }, { name: 'prenoms' }, dateSpec('dateNaissancePrevue', 1)],
  contact: [
    { name: 'civilite', options: ['madame', 'monsieur'] },
    { name: 'nomUsage', req: 1 },
    { name: 'prenoms', req: 1 },
    { name: 'lien', req: 1, hint: 'lienHint' },
    phone('telephone', 1),
    { name: 'autoriseRecuperation', check: 1 },
    { name: 'appelUrgence', check: 1 },
  ],
};

export const kindOf = (member: Pick<Member, 'profile'>): MemberKind =>
  member.profile.role === 'enfant' && member.profile.dateNaissancePrevue ? 'futur' : member.profile.role;

type View =
  | { name: 'list' }
  | { name: 'role' }
  | { name: 'form' | 'check'; kind: MemberKind; member?: Member }
  | { name: 'remove'; member: Member }
  | { name: 'done'; request: FamilyRequest };

interface State {
  view: View;
  members?: Member[] | undefined;
  requests?: FamilyRequest[] | undefined;
  loadProblem?: ApiError | undefined;
  errors: Record<string, FieldError | { code: Key }>;
  summary: boolean;
  problem?: ApiError | undefined;
  pending: boolean;
  /** What the file input says: its error (refused upload), shown with it. */
  fileError?: string | undefined;
  /** A short polite announcement about uploads. */
  status: string;
}

let instances = 0;
const initialState = (): State => ({ view: { name: 'list' }, errors: {}, summary: false, pending: false, status: '' });

/**
 * @summary The family's household ("Mon entourage"): co-parent, children (born or expected) and contacts, each change a request to the service.
 *
 * Lists the members by role with the status of their latest request and their
 * documents; "+" buttons add a member in two steps (profile with optional attachments,
 * then check and validate with "Modifier" links), members can be changed (same form,
 * prefilled) or removed (after a confirmation). Every change becomes a request
 * "transmise au service pour traitement", confirmed with its number; "Mes demandes"
 * lists the requests and the service's comments.
 *
 * Renders in the light DOM like the other forms (labels, hints and errors share their
 * input's root); its stylesheet is adopted by the enclosing document or shadow root.
 *
 * @fires famille-member-saved - A member was added, changed or its removal requested. `detail: { member, request }`.
 * @fires famille-request-submitted - A request went to the service. `detail: { request }`.
 * @fires famille-login-requested - "Se connecter" while logged out. Cancelable: cancel it to show your own login. `detail: { identifiant: '' }`.
 *
 * @csspart base - The wrapper.
 * @csspart heading - The heading of each view (receives focus when the view changes).
 * @csspart group - A group of members (co-parent, household, contacts).
 * @csspart member - One member's card.
 * @csspart badge - A status badge.
 * @csspart requests - The "Mes demandes" list.
 * @csspart form - The member form.
 * @csspart steps - "Étape 1 sur 2".
 * @csspart error-summary - The form's errors, on "Continuer".
 * @csspart alert - The server's answer when something fails.
 * @csspart notice - The confirmation of a request.
 * @csspart field - A label, hint, error and input group.
 * @csspart label - A field's label or a group's legend.
 * @csspart hint - A field's format instructions.
 * @csspart input - A field's input.
 * @csspart error - A field's error message.
 * @csspart progress - An upload's progress bar.
 * @csspart review - The answers on the check step.
 * @csspart button - Buttons.
 * @csspart link - Links ("Modifier").
 */
export class FamilleEntourage extends FamilleElement<AllMessages> {
  static override lightStyles = entourageStyles;
  static override properties: PropertyDeclarations = {
    loginHref: { attribute: 'login-href' },
  };

  /** Where "Se connecter" leads when nobody is logged in; without it, only the event fires. */
  declare loginHref: string | undefined;

  #s = initialState();
  #values: Record<string, string> = {};
  #dirty = new Set<string>();
  #uploads: Upload[] = [];
  #replacing: number | undefined;
  #id = `famille-entourage-${++instances}`;
  /** Where focus returns when a confirmation is dismissed. */
  #returnFocus: string | undefined;

  #set(patch: Partial<State>): void {
    this.#s = { ...this.#s, ...patch };
    this.requestUpdate();
  }

  protected override messageTables(): MessageTables<AllMessages> {
    return entourageTables;
  }

  /** The family and its requests (both GETs, retried by the SDK), for the session. */
  #data = new SessionLoad(this, {
    client: () => this.activeClient,
    start: () => {
      // Another parent may have logged in: nothing of the previous family stays on screen
      // while theirs loads (list, form, messages); their uploads in flight stop.
      for (const u of this.#uploads) abortUpload(u);
      this.#reset();
      this.#dirty.clear();
      this.#returnFocus = undefined;
      this.#s = initialState();
    },
    loading: () => this.#set({ loadProblem: undefined }),
    load: (client) => Promise.all([client.call(endpoints.family), client.call(endpoints.requests)]),
    loaded: ([household, list]) => this.#set({ members: household.members, requests: list.requests }),
    failed: (error) => this.#set({ loadProblem: this.asApiError(error) }),
  });

  #focus(selector: string): Promise<void> {
    return focusAfterRender(this, selector);
  }

  // ——— Rendering ———

  protected override render(): TemplateResult {
    const notice = this.connectionNotice();
    if (notice) return notice;
    const { locale } = this.i18n;
    return html`<div class="famille-stack" part="base" lang=${locale}>${this.#renderView()}</div>`;
  }

  #heading(text: string | TemplateResult, level: 2 | 3 = 2): TemplateResult {
    return level === 2 ? html`<h2 id="${this.#id}-heading" part="heading" tabindex="-1">${text}</h2>` : html`<h3 part="heading" tabindex="-1">${text}</h3>`;
  }

  #renderView(): TemplateResult {
    const { t } = this.i18n;
    const view = this.#s.view;
    if (this.session === null) {
      return html`${this.#heading(t('entourageHeading'))}
        <p>${t('loginRequired')}</p>
        ${loginLink(this, this.loginHref, t('login'))}`;
    }
    if (this.#s.loadProblem && !this.#s.members) {
      return html`${this.#heading(t('entourageHeading'))}
        ${problemBox(this.i18n, this.#s.loadProblem, () => void this.#data.reload())}`;
    }
    if (!this.#s.members) {
      return html`${this.#heading(t('entourageHeading'))}
        <p role="status">${t('loading')}</p>`;
    }
    switch (view.name) {
      case 'role':
        return this.#renderRole();
      case 'form':
      case 'check':
        return this.#renderForm(view);
      case 'remove':
        return this.#renderRemove(view.member);
      case 'done':
        return this.#renderDone(view.request);
      default:
        return this.#renderList();
    }
  }

  #badge(status: RequestStatus | 'removal'): TemplateResult {
    const { t } = this.i18n;
    return html`<span class="famille-badge famille-badge--${status}" part="badge">${t(status === 'removal' ? 'removalRequested' : `status_${status}`)}</span>`;
  }

  #name(member: Member): string {
    const p = member.profile;
    return `${p.prenoms || (kindOf(member) === 'futur' ? this.i18n.t('futureChild') : '')} ${p.nomUsage}`.trim();
  }

  #renderList(): TemplateResult {
    const { t } = this.i18n;
    const members = this.#s.members!;
    const of = (...k: MemberKind[]) => members.filter((m) => k.includes(kindOf(m)));
    const group = (key: string, title: Key, hint: Key, list: Member[], adds: MemberKind[]) => html`<section
      class="famille-group" part="group" aria-labelledby="${this.#id}-${key}">
      <h3 id="${this.#id}-${key}">${t(title)}</h3>
      <p class="famille-hint">${t(hint)}</p>
      ${list.length ? html`<ul class="famille-members" role="list">${list.map((m) => this.#renderMember(m))}</ul>` : html`<p>${t('noneInGroup')}</p>`}
      ${
        adds.length
          ? html`<div class="famille-actions">${adds.map(
              (kind) => html`<button type="button" class="famille-button famille-button--secondary" part="button" data-add=${kind}
              @click=${() => this.#startAdd(kind)}><span aria-hidden="true">+ </span>${t(addKey(kind))}</button>`,
            )}</div>`
          : nothing
      }
    </section>`;
    const hasCo = of('coRepresentant').length > 0;
    return html`${this.#heading(t('entourageHeading'))}
      <p>${t('entourageIntro')}</p>
      <button type="button" class="famille-button" part="button" data-add="any" @click=${() => this.startAdd()}>
        <span aria-hidden="true">+ </span>${t('addMember')}
      </button>
      ${
        members.length
          ? nothing
          : html`<div class="famille-empty" part="notice">
            <p><strong>${t('emptyTitle')}</strong></p>
            <p>${t('emptyWhy')}</p>
          </div>`
      }
      ${group('co', 'groupCoRepresentant', 'groupCoRepresentantHint', of('coRepresentant'), hasCo ? [] : ['coRepresentant'])}
      ${group('foyer', 'groupFoyer', 'groupFoyerHint', of('enfant', 'futur'), ['enfant', 'futur'])}
      ${group('contacts', 'groupContacts', 'groupContactsHint', of('contact'), ['contact'])}
      ${this.#renderRequests()}`;
  }

  #latestRequest(member: Member): FamilyRequest | undefined {
    return this.#s.requests?.find((r) => r.memberId === member.id);
  }

  #renderMember(member: Member): TemplateResult {
    const { t, date } = this.i18n;
    const p = member.profile;
    const name = this.#name(member);
    const comment = this.#latestRequest(member)?.history.at(-1)?.comment;
    const details: string[] = [];
    if (p.role === 'enfant') {
      if (p.dateNaissance) details.push(t('bornOn', { date: date(p.dateNaissance) }));
      if (p.dateNaissancePrevue) details.push(t('expectedOn', { date: date(p.dateNaissancePrevue) }));
    }
    if (p.role === 'contact') {
      details.push(p.lien, p.telephone);
      if (p.autoriseRecuperation) details.push(t('autoriseRecuperation'));
      if (p.appelUrgence) details.push(t('appelUrgence'));
    }
    if (p.role === 'coRepresentant') details.push(...[p.email, p.mobile ?? p.telephone].filter((v): v is string => !!v));
    return html`<li class="famille-member" part="member" id="${this.#id}-m-${member.id}">
      <h4>${name} <span class="famille-sr">(${t(`kind_${kindOf(member)}`)})</span></h4>
      <p class="famille-badges">${this.#badge(member.status)} ${member.removalRequested ? this.#badge('removal') : nothing}</p>
      ${details.length ? html`<p>${details.join(' · ')}</p>` : nothing}
      ${comment ? html`<p><strong>${t('serviceComment')} :</strong> ${comment}</p>` : nothing}
      ${
        member.documents.length
          ? html`<ul class="famille-docs">${member.documents.map(
              (d) =>
                html`<li><button type="button" class="famille-link" part="link" @click=${() => this.#download(d)}>${t('download')}<span class="famille-sr"> ${d.fileName}</span></button> <span aria-hidden="true">${d.fileName}</span></li>`,
            )}</ul>`
          : nothing
      }
      ${
        member.removalRequested
          ? nothing
          : html`<div class="famille-actions">
            <button type="button" class="famille-button famille-button--secondary" part="button" @click=${() => this.#startEdit(member)}>
              ${t('editMember')}<span class="famille-sr"> ${name}</span>
            </button>
            <button type="button" class="famille-button famille-button--secondary" part="button" data-remove=${member.id}
              @click=${() => this.#askRemove(member)}>${t('removeMember')}<span class="famille-sr"> ${name}</span></button>
          </div>`
      }
    </li>`;
  }

  #renderRequests(): TemplateResult {
    const { t, date } = this.i18n;
    const requests = this.#s.requests ?? [];
    return html`<section class="famille-group" part="requests" aria-labelledby="${this.#id}-requests">
      <h3 id="${this.#id}-requests">${t('requestsHeading')}</h3>
      ${
        requests.length
          ? html`<ul class="famille-requests" role="list">${requests.map(
              (r) => html`<li class="famille-request">
              <h4>${t('requestNumber', { n: r.number })} — ${t(`kindLabel_${r.kind}`)} : ${r.memberLabel}</h4>
              <p>${this.#badge(r.status)} <span>${t('requestOn', { date: date(r.createdAt, { dateStyle: 'long', timeStyle: 'short' }) })}</span></p>
              <details>
                <summary>${t('historyTitle')}<span class="famille-sr"> ${t('requestNumber', { n: r.number })}</span></summary>
                <ol>${r.history.map(
                  (h) =>
                    html`<li>${t('historyEntry', { status: t(`status_${h.status}`), date: date(h.at, { dateStyle: 'long', timeStyle: 'short' }) })}${h.comment ? html` — ${h.comment}` : nothing}</li>`,
                )}</ol>
              </details>
            </li>`,
            )}</ul>`
          : html`<p>${t('noRequests')}</p>`
      }
    </section>`;
  }

  #renderRole(): TemplateResult {
    const { t } = this.i18n;
    const id = `${this.#id}-role`;
    const error = this.#s.errors['role'] ? t('roleRequired') : undefined;
    return html`<form part="form" novalidate aria-labelledby="${this.#id}-heading" @submit=${this.#chooseRole}
      @change=${(e: Event) => ((this.#values['role'] = (e.target as HTMLInputElement).value), this.#set({ errors: {} }))}>
      ${this.#heading(t('chooseRoleHeading'))}
      ${this.#s.summary && error ? errorSummary(`${this.#id}-summary`, t('errorSummary'), [{ id, message: error }]) : nothing}
      ${choices({
        id,
        name: 'role',
        legend: t('role'),
        required: true,
        value: this.#values['role'],
        options: kinds.map((k) => ({ value: k, label: t(`role_${k}`) })),
        errorPrefix: t('errorPrefix'),
        ...(error && { error }),
      })}
      <div class="famille-actions">
        ${submitButton(t('continue'), '', false)}
        <button type="button" class="famille-link" part="link" @click=${() => this.#toList()}>${t('cancel')}</button>
      </div>
    </form>`;
  }

  #chooseRole = (e: SubmitEvent) => {
    e.preventDefault();
    const kind = this.#values['role'] as MemberKind | undefined;
    if (!kind) {
      this.#set({ errors: { role: { code: 'roleRequired' } }, summary: true });
      return void this.#focus('[part=error-summary]');
    }
    const back = this.#returnFocus;
    this.#startAdd(kind);
    this.#returnFocus = back;
  };

  #formTitle(view: { kind: MemberKind; member?: Member }): string {
    const { t } = this.i18n;
    return view.member ? t('formHeadingEdit', { name: this.#name(view.member) }) : t('formHeadingAdd', { kind: t(`kind_${view.kind}`) });
  }

  #renderForm(view: { name: 'form' | 'check'; kind: MemberKind; member?: Member }): TemplateResult {
    const { t } = this.i18n;
    const check = view.name === 'check';
    const step = t('step', { n: check ? 2 : 1, total: 2 });
    return html`<form part="form" novalidate aria-labelledby="${this.#id}-heading" @submit=${this.#onSubmit}
      @input=${this.#onInput} @change=${this.#onInput} @focusout=${this.#onLeave}>
      ${this.#heading(html`${stepIndicator(`${step} — ${t(check ? 'stepCheck' : 'stepProfile')}`)} ${this.#formTitle(view)}`)}
      ${this.#renderSummary(view.kind)}
      ${this.#s.problem ? problemBox(this.i18n, this.#s.problem, retriable(this.#s.problem) ? () => void this.#save() : undefined) : nothing}
      ${check ? this.#renderCheck(view) : this.#renderProfile(view)}
      <div class="famille-actions">
        ${check ? submitButton(t('validate'), t('validating'), this.#s.pending) : submitButton(t('continue'), '', false)}
        ${
          check
            ? html`<button type="button" class="famille-link" part="link" @click=${() => this.#go({ ...view, name: 'form' })}>${t('back')}</button>`
            : nothing
        }
        <button type="button" class="famille-link" part="link" @click=${() => this.#cancelForm()}>${t('cancel')}</button>
      </div>
    </form>`;
  }

  #fieldId(name: string): string {
    return `${this.#id}-${name}`;
  }

  #message(name: string): string | undefined {
    const error = this.#s.errors[name];
    if (!error) return undefined;
    const { t } = this.i18n;
    if (!('path' in error)) return t(error.code as 'waitUpload');
    return t(error.code, { field: t(name as 'nomUsage'), minimum: 0, maximum: 0, ...error.params });
  }

  #renderSummary(kind: MemberKind): TemplateResult | typeof nothing {
    const items = [...specs[kind].map((f) => f.name), 'file'].flatMap((name) => {
      const message = this.#message(name);
      return message ? [{ id: this.#fieldId(name), message }] : [];
    });
    return this.#s.summary && items.length ? errorSummary(`${this.#id}-summary`, this.i18n.t('errorSummary'), items) : nothing;
  }

  #renderProfile(view: { kind: MemberKind; member?: Member }): TemplateResult {
    const { t } = this.i18n;
    return html`<p>${t('requiredLegend')}</p>
      <fieldset class="famille-section">
        <legend>${t('profileSection')}</legend>
        ${specs[view.kind].map((f) => this.#renderField(f))}
      </fieldset>
      ${this.#renderAttachments(view.member)}`;
  }

  #renderField(f: Spec): TemplateResult {
    const { t } = this.i18n;
    const error = this.#message(f.name);
    const label = t(f.name as Key);
    const common = { id: this.#fieldId(f.name), name: f.name, required: !!f.req, errorPrefix: t('errorPrefix'), ...(error && { error }) };
    if (f.check) return checkbox({ ...common, label, checked: this.#values[f.name] === 'true' });
    if (f.options) return choices({ ...common, legend: label, value: this.#values[f.name], options: f.options.map((o) => ({ value: o, label: t(o) })) });
    return field({
      ...common,
      label,
      value: this.#values[f.name] ?? '',
      type: f.type ?? 'text',
      ...(f.hint && { hint: t(f.hint) }),
      ...(f.mode && { inputmode: f.mode }),
      verbatim: f.type === 'email',
    });
  }

  #renderAttachments(member?: Member): TemplateResult {
    const { t } = this.i18n;
    const rules = this.tenantConfig?.uploads;
    const error = this.#s.fileError ?? this.#message('file');
    return html`<fieldset class="famille-section">
      <legend>${t('attachments')}</legend>
      ${member?.documents.length ? html`<p>${t('documentsOnFile')} : ${member.documents.map((d) => d.fileName).join(', ')}</p>` : nothing}
      ${fileField({
        id: this.#fieldId('file'),
        label: t('addFile'),
        hint: t('attachmentsIntro'),
        ...(rules && { rules: t('attachmentRules', uploadRuleParts(rules, this.i18n)), accept: rules.acceptedTypes.join(',') }),
        ...(error && { error }),
        errorPrefix: t('errorPrefix'),
        onChange: this.#onFile,
        onCancel: () => (this.#replacing = undefined),
      })}
      ${
        this.#uploads.length
          ? html`<ul class="famille-uploads" role="list">${this.#uploads.map((u) =>
              uploadItem(u, this.i18n, { cancel: () => this.#cancelUpload(u), replace: () => this.#replace(u), remove: () => this.#removeUpload(u) }),
            )}</ul>`
          : nothing
      }
      <p role="status" class="famille-sr">${this.#s.status}</p>
    </fieldset>`;
  }

  #renderCheck(view: { kind: MemberKind }): TemplateResult {
    const { t } = this.i18n;
    const shown = (f: Spec): string => {
      const value = this.#values[f.name]?.trim();
      if (f.check) return t(value === 'true' ? 'yes' : 'no');
      if (!value) return t('notGiven');
      return f.options ? t(value as Key) : value;
    };
    const row = (label: string, value: string, target: string) => html`<div class="famille-review-row">
      <dt>${label}</dt>
      <dd>${value}</dd>
      <dd>${
        target
          ? html`<a href="#${target}" part="link" @click=${(e: Event) => this.#change(e, target)}>${t('change')}<span class="famille-sr"> ${label}</span></a>`
          : nothing
      }</dd>
    </div>`;
    const files = this.#uploads.filter((u) => u.info).map((u) => u.name);
    return html`<dl class="famille-review" part="review">
      ${row(t('role'), t(`role_${view.kind}`), '')}
      ${specs[view.kind].map((f) => row(t(f.name as Key), shown(f), this.#fieldId(f.name)))}
      ${row(t('attachments'), files.length ? files.join(', ') : t('noAttachment'), this.#fieldId('file'))}
    </dl>`;
  }

  #renderRemove(member: Member): TemplateResult {
    const { t } = this.i18n;
    return html`<section class="famille-stack famille-confirm" aria-labelledby="${this.#id}-heading">
      ${this.#heading(t('removeHeading', { name: this.#name(member) }))}
      <p>${t('removeText')}</p>
      ${this.#s.problem ? problemBox(this.i18n, this.#s.problem) : nothing}
      <div class="famille-actions">
        <button type="button" class="famille-button famille-button--danger" part="button" aria-disabled=${this.#s.pending ? 'true' : 'false'}
          aria-busy=${this.#s.pending ? 'true' : 'false'} @click=${() => void this.#remove(member)}>
          ${this.#s.pending ? t('removing') : t('removeConfirm')}
        </button>
        <button type="button" class="famille-button famille-button--secondary" part="button" @click=${() => this.#toList()}>${t('cancel')}</button>
      </div>
    </section>`;
  }

  #renderDone(request: FamilyRequest): TemplateResult {
    const { t, date } = this.i18n;
    return html`<section class="famille-stack famille-alert famille-alert--success" part="notice" aria-labelledby="${this.#id}-heading">
      ${this.#heading(t('doneHeading'))}
      <p class="famille-request-number">${t('requestNumber', { n: request.number })} — ${request.memberLabel}</p>
      <p>${t('statusLabel')} : ${this.#badge(request.status)}</p>
      <p>${t('requestOn', { date: date(request.createdAt, { dateStyle: 'long', timeStyle: 'short' }) })}</p>
      ${secondaryButton(t('backToList'), () => void this.#toList())}
    </section>`;
  }

  // ——— Navigation ———

  #go(view: View, focus = '[part=heading]', patch: Partial<State> = {}): Promise<void> {
    this.#dirty.clear();
    this.#set({ view, summary: false, problem: undefined, ...patch });
    return this.#focus(focus);
  }

  #toList(focus = this.#returnFocus): Promise<void> {
    this.#returnFocus = undefined;
    return this.#go({ name: 'list' }, focus ?? '[part=heading]', { errors: {} });
  }

  #reset(values: Record<string, string> = {}): void {
    this.#values = values;
    this.#uploads = [];
    this.#replacing = undefined;
    this.#s = { ...this.#s, errors: {}, fileError: undefined, status: '' };
  }

  #startAdd(kind: MemberKind): void {
    this.#reset();
    this.#returnFocus = `[data-add=${kind}]`;
    void this.#go({ name: 'form', kind });
  }

  /** "+ Ajouter un membre": the role first. */
  startAdd(kind?: MemberKind): void {
    if (kind) return this.#startAdd(kind);
    this.#reset();
    this.#returnFocus = '[data-add=any]';
    void this.#go({ name: 'role' });
  }

  #startEdit(member: Member): void {
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(member.profile)) {
      if (typeof value === 'boolean') values[key] = value ? 'true' : '';
      else if (typeof value === 'string') values[key] = key.startsWith('date') ? typedDate(value) : value;
    }
    this.#reset(values);
    this.#returnFocus = `#${this.#id}-m-${member.id} button`;
    void this.#go({ name: 'form', kind: kindOf(member), member });
  }

  #askRemove(member: Member): void {
    this.#returnFocus = `[data-remove="${member.id}"]`;
    void this.#go({ name: 'remove', member });
  }

  /** Leaves the form: uploads in flight stop, documents sent for nothing are deleted. */
  #cancelForm(): void {
    for (const u of this.#uploads) {
      if (u.info) discardUpload(this.activeClient, u);
      else abortUpload(u);
    }
    this.#uploads = [];
    void this.#toList();
  }

  #change(e: Event, target: string): void {
    e.preventDefault();
    const view = this.#s.view as { kind: MemberKind; member?: Member };
    void this.#go({ name: 'form', kind: view.kind, ...(view.member && { member: view.member }) }, `#${target}`);
  }

  // ——— Values and validation ———

  #kind(): MemberKind {
    return (this.#s.view as { kind: MemberKind }).kind;
  }

  #input(): MemberInput {
    const kind = this.#kind();
    const out: Record<string, unknown> = { role: kind === 'futur' ? 'enfant' : kind };
    for (const f of specs[kind]) {
      const value = this.#values[f.name]?.trim();
      // A date not typed as JJ/MM/AAAA is left for the contract to refuse.
      if (f.check) out[f.name] = value === 'true';
      else if (value) out[f.name] = f.name.startsWith('date') ? (typedToIso(value) ?? value) : value;
    }
    const ids = this.#uploads.flatMap((u) => (u.info ? [u.info.id] : []));
    if (ids.length) out['attachments'] = ids;
    return out as MemberInput;
  }

  /** The contract's rules, plus what the browser validators do not carry (required dates, past and future). */
  #validate(): Record<string, FieldError> {
    const input = this.#input() as unknown as Record<string, string | undefined>;
    const result = MemberInput.safeParse(input, { reportInput: true });
    const errors: Record<string, FieldError> = {};
    if (!result.success) for (const e of issuesToFieldErrors(result.error.issues)) errors[e.path] ??= e;
    for (const f of specs[this.#kind()]) {
      const value = input[f.name];
      if (f.req && !value && !errors[f.name]) errors[f.name] = { path: f.name, code: 'required' };
      if (value && !errors[f.name] && f.name.startsWith('date') && (f.name === 'dateNaissance' ? value >= today() : value <= today())) {
        errors[f.name] = { path: f.name, code: f.name === 'dateNaissance' ? 'not_in_past' : 'not_in_future' };
      }
    }
    return errors;
  }

  #onInput = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const name = input.name;
    if (!name) return;
    this.#values[name] = input.type === 'checkbox' ? (input.checked ? 'true' : '') : input.value;
    this.#dirty.add(name);
    if (this.#s.errors[name] && !this.#validate()[name]) {
      const { [name]: _, ...rest } = this.#s.errors;
      this.#set({ errors: rest });
    }
  };

  #onLeave = (e: FocusEvent) => {
    const input = e.target as HTMLInputElement;
    if (!this.#dirty.has(input.name) || input.type === 'radio' || input.type === 'checkbox') return;
    const error = this.#validate()[input.name];
    const { [input.name]: _, ...rest } = this.#s.errors;
    this.#set({ errors: error ? { ...rest, [input.name]: error } : rest });
  };

  #onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const view = this.#s.view as { name: 'form' | 'check'; kind: MemberKind; member?: Member };
    if (view.name === 'check') return void this.#save();
    const errors: State['errors'] = this.#validate();
    if (this.#uploads.some((u) => !u.info)) errors['file'] = { code: 'waitUpload' };
    this.#dirty.clear();
    if (Object.keys(errors).length) {
      this.#set({ errors, summary: true });
      return void this.#focus('[part=error-summary]');
    }
    void this.#go({ ...view, name: 'check' }, '[part=heading]', { errors: {} });
  };

  async #save(): Promise<void> {
    const client = this.activeClient;
    const view = this.#s.view as { kind: MemberKind; member?: Member };
    if (this.#s.pending || !client) return;
    this.#set({ pending: true, problem: undefined });
    try {
      const input = this.#input();
      const change = view.member
        ? await client.call(endpoints.updateMember, { params: { memberId: view.member.id }, body: input })
        : await client.call(endpoints.addMember, { body: input });
      this.#uploads = [];
      await this.#sent(change);
    } catch (error) {
      const problem = this.asApiError(error);
      const known = problem.fieldErrors.filter((f) => specs[view.kind].some((s) => s.name === f.path));
      this.#set({ pending: false });
      if (problem.code === 'validation_failed' && known.length) {
        const errors = Object.fromEntries(known.map((f) => [f.path, f]));
        return this.#go({ name: 'form', kind: view.kind, ...(view.member && { member: view.member }) }, '[part=error-summary]', { errors, summary: true });
      }
      this.#set({ problem });
      return this.#focus('[part=alert]');
    }
  }

  /** A change the service received: announced, confirmed with its number, the list read again. */
  async #sent(change: FamilleEntourageEvents['famille-member-saved']): Promise<void> {
    this.#set({ pending: false });
    this.dispatchEvent(familleEvent('famille-member-saved', change));
    this.dispatchEvent(familleEvent('famille-request-submitted', { request: change.request }));
    this.#returnFocus = undefined;
    await this.#go({ name: 'done', request: change.request });
    void this.#data.reload();
  }

  async #remove(member: Member): Promise<void> {
    const client = this.activeClient;
    if (this.#s.pending || !client) return;
    this.#set({ pending: true, problem: undefined });
    try {
      const change = await client.call(endpoints.removeMember, { params: { memberId: member.id } });
      await this.#sent(change);
    } catch (error) {
      this.#set({ pending: false, problem: this.asApiError(error) });
      return this.#focus('[part=alert]');
    }
  }

  // ——— Attachments ———

  #onFile = (e: Event) => {
    e.stopPropagation();
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void this.#upload(file);
  };

  async #upload(file: File): Promise<void> {
    const client = this.activeClient;
    if (!client) return;
    const { t } = this.i18n;
    const max = this.tenantConfig?.uploads?.maxBytes;
    const { file: _, ...errors } = this.#s.errors;
    if (max && file.size > max) {
      this.#set({ fileError: t('file_too_large'), errors });
      return;
    }
    const replacing = this.#uploads.find((u) => u.key === this.#replacing);
    this.#replacing = undefined;
    const upload = newUpload(file);
    this.#uploads = [...this.#uploads, upload];
    this.#set({ fileError: undefined, errors, status: t('uploading', { name: file.name }) });
    try {
      if (!(await sendUpload(client, file, upload, () => this.requestUpdate()))) return;
      if (replacing?.info) {
        this.#uploads = this.#uploads.filter((u) => u !== replacing);
        discardUpload(client, replacing);
      }
      this.#set({ status: t('uploaded', { name: file.name }) });
    } catch (error) {
      this.#uploads = this.#uploads.filter((u) => u !== upload);
      if (upload.cancelled) return;
      // The rest of the form stays as it is: only the file's field says what went wrong.
      this.#set({ fileError: this.i18n.problem(this.asApiError(error).code), status: '' });
    }
  }

  #cancelUpload(u: Upload): void {
    abortUpload(u);
    this.#uploads = this.#uploads.filter((x) => x !== u);
    this.#set({ status: this.i18n.t('uploadCancelled', { name: u.name }) });
    void this.#focus(`#${this.#fieldId('file')}`);
  }

  #replace(u: Upload): void {
    this.#replacing = u.key;
    this.querySelector<HTMLInputElement>(`#${this.#fieldId('file')}`)?.click();
  }

  #removeUpload(u: Upload): void {
    this.#uploads = this.#uploads.filter((x) => x !== u);
    discardUpload(this.activeClient, u);
    this.#set({ status: this.i18n.t('uploadRemoved', { name: u.name }) });
    void this.#focus(`#${this.#fieldId('file')}`);
  }

  async #download(d: DocumentInfo): Promise<void> {
    const blob = await this.activeClient?.call(endpoints.downloadDocument, { params: { documentId: d.id } }).catch(() => undefined);
    if (blob) saveFile(blob, d.fileName);
  }
}

const addKey = (kind: MemberKind): Key =>
  (({ coRepresentant: 'addCoRepresentant', enfant: 'addEnfant', futur: 'addFutur', contact: 'addContact' }) as const)[kind];
