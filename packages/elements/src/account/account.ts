import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { endpoints, uploadDocument, type FamilleClient } from '@famille/sdk';
import { FamilleElement } from '../context/famille-element.ts';
import { SessionLoad } from '../context/session-load.ts';
import { familleEvent } from '../context/events.ts';
import { messageBox, problemBox } from '../form/field.ts';
import { takeLinkToken } from '../form/link-token.ts';
import { loginLink } from '../form/login-link.ts';
import { saveFile } from '../form/save-file.ts';
import { focusAfterRender } from '../form/wizard.ts';
import { today } from '../form/dates.ts';
import type { MessageTables } from '../i18n/localize.ts';
import { accountTables, type AllAccountMessages as AllMessages } from './messages.ts';
import { accountStyles } from './account.styles.ts';
import { contactBody, identityBody, initialState, value, type AccountState, type FormName } from './state.ts';
import type { AccountView } from './view.ts';
import { coordonnees } from './coordonnees.ts';
import { identifiants } from './identifiants.ts';
import { personalData } from './personal-data.ts';

/** What a form does once sent: resolves with the notice to show. */
type Action = (client: FamilleClient, data: FormData, form: HTMLFormElement) => Promise<string>;

/**
 * @summary "Mon compte": the parent's coordonnées (address and phones saved at once, a new e-mail address confirmed by a link, identity changed through a request with a justificatif), identifiants (last login, password, logging out of every device) and personal data (the export, a request to close the account).
 *
 * Each form keeps what the parent typed when the server refuses it: its errors appear
 * under an error summary that takes focus and links to each field. A link
 * `#famille-email=TOKEN` in the page's URL (the confirmation e-mail's) is opened at once,
 * logged in or not: put this element on the tenant's account page (`accountPageUrl`).
 *
 * @fires famille-email-confirmed - The new e-mail address of a confirmation link is the account's. `detail: { email }`.
 * @fires famille-logout - After "Se déconnecter de tous les appareils": no session is left.
 * @fires famille-login-requested - "Se connecter" while logged out. Cancelable. `detail: { identifiant: '' }`.
 *
 * @csspart base - The wrapper.
 * @csspart heading - The heading.
 * @csspart contact - "Mes coordonnées".
 * @csspart credentials - "Mes identifiants".
 * @csspart personal-data - "Mes données personnelles".
 * @csspart last-login - "Dernière connexion le …".
 * @csspart form - Each form.
 * @csspart pending - A change awaiting the e-mail link or the service.
 * @csspart alert - A failure.
 * @csspart notice - A success.
 * @csspart button - Buttons.
 */
export class FamilleAccount extends FamilleElement<AllMessages, AccountState> {
  static override lightStyles = accountStyles;
  static override properties: PropertyDeclarations = { loginHref: { attribute: 'login-href' } };

  /** Where "Se connecter" leads when nobody is logged in; without it, only the event fires. */
  declare loginHref: string | undefined;

  protected override initialState(): AccountState {
    return initialState();
  }

  protected override messageTables(): MessageTables<AllMessages> {
    return accountTables;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const token = takeLinkToken('famille-email');
    if (token) void this.#confirmEmail(token);
  }

  /** Opens the e-mail change link (no session needed); reads the account again if logged in. */
  async #confirmEmail(token: string): Promise<void> {
    await this.updateComplete;
    const client = this.activeClient;
    if (!client) return;
    try {
      const { email } = await client.call(endpoints.confirmEmailChange, { body: { token } });
      this.setState({ confirmed: this.i18n.t('emailConfirmed', { email }) });
      this.dispatchEvent(familleEvent('famille-email-confirmed', { email }));
      void this.#data.reload();
    } catch (error) {
      this.setState({ confirmProblem: this.asApiError(error) });
    }
    void focusAfterRender(this, '[part=notice], [part=alert]');
  }

  #data = new SessionLoad(this, {
    client: () => this.activeClient,
    start: () => {
      const { confirmed, confirmProblem } = this.state;
      this.state = { ...this.initialState(), confirmed, confirmProblem };
    },
    loading: () => this.setState({ loadProblem: undefined }),
    load: (client) => client.call(endpoints.account),
    loaded: (details) => this.setState({ details }),
    failed: (error) => this.setState({ loadProblem: this.asApiError(error) }),
  });

  #actions: Record<FormName, Action> = {
    contact: async (client, data) => {
      const details = await client.call(endpoints.updateContactDetails, { body: contactBody(data, this.state.details) });
      this.setState({ details });
      return this.i18n.t('contactSaved');
    },
    email: async (client, data, form) => {
      const { pendingEmail } = await client.call(endpoints.requestEmailChange, {
        body: { email: value(data, 'email').trim(), password: value(data, 'password') },
      });
      form.reset();
      void this.#data.reload();
      return this.i18n.t('emailSent', { email: pendingEmail });
    },
    identity: async (client, data, form) => {
      const file = form.querySelector<HTMLInputElement>('input[type=file]')?.files?.[0];
      // The justificatif first: its refusal (size, type) is the upload's own problem.
      const attachments = file ? [(await uploadDocument(client, file)).id] : [];
      const request = await client.call(endpoints.requestIdentityChange, { body: { identity: identityBody(data) as never, attachments } });
      // Awaited: the account read again shows the request under way in place of the form,
      // and the notice must be rendered there, not in the form it replaces (focus would be lost).
      await this.#data.reload();
      return this.i18n.t('identitySent', { n: request.number });
    },
    password: async (client, data, form) => {
      const { sessionsEnded } = await client.call(endpoints.changePassword, {
        body: { password: value(data, 'password'), newPassword: value(data, 'newPassword') },
      });
      form.reset();
      this.setState({ newPassword: '' });
      return this.i18n.t('passwordChanged', { n: sessionsEnded });
    },
    logout: async (client) => {
      await client.call(endpoints.logoutEverywhere);
      // This session too: the client forgets its token, the page its parent.
      await client.auth.logout().catch(() => undefined);
      this.session = null;
      this.dispatchEvent(familleEvent('famille-logout', {}));
      return '';
    },
    export: async (client) => {
      const data = await client.call(endpoints.accountExport);
      saveFile(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), `espace-famille-${today()}.json`);
      return '';
    },
    closure: async (client, data) => {
      const comment = value(data, 'comment').trim();
      const request = await client.call(endpoints.requestAccountClosure, {
        // Unticked: left out, and the server names the box (`required`).
        body: { ...(data.get('confirm') === 'on' && { confirm: true as const }), ...(comment && { comment }) } as { confirm: true },
      });
      // Awaited, as for the identity: the request under way replaces the form.
      await this.#data.reload();
      return this.i18n.t('closureSent', { n: request.number });
    },
  };

  #submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    void this.#send(form.dataset['form'] as FormName, form);
  };

  #input = (event: Event): void => {
    const target = event.target as HTMLInputElement;
    if (target.name === 'newPassword') this.setState({ newPassword: target.value });
  };

  /** Sends a form: one at a time; on refusal, its errors (focus on their summary) and what was typed stays. */
  async #send(name: FormName, form: HTMLFormElement): Promise<void> {
    const client = this.activeClient;
    if (!client || this.state.pending) return;
    const s = this.state;
    this.setState({
      pending: name,
      errors: { ...s.errors, [name]: undefined },
      problems: { ...s.problems, [name]: undefined },
      notices: { ...s.notices, [name]: undefined },
    });
    let focus = '[part=notice]';
    try {
      const notice = await this.#actions[name](client, new FormData(form), form);
      this.setState({ notices: { ...this.state.notices, [name]: notice } });
    } catch (error) {
      const e = this.asApiError(error);
      const fieldErrors = e.code === 'validation_failed' ? e.problem?.fieldErrors : undefined;
      if (fieldErrors?.length) {
        this.setState({ errors: { ...this.state.errors, [name]: fieldErrors } });
        focus = '[part=error-summary]';
      } else {
        this.setState({ problems: { ...this.state.problems, [name]: e } });
        focus = '[part=alert]';
      }
    }
    this.setState({ pending: undefined });
    void focusAfterRender(this, this.session === null ? '[part=heading]' : `[data-form=${name}] ${focus}`);
  }

  #retry = () => void this.#data.reload();

  protected override get busy(): boolean {
    return this.session !== null && !this.state.details && !this.state.loadProblem;
  }

  protected override renderContent(): TemplateResult {
    const { t } = this.i18n;
    const s = this.state;
    const view: AccountView = {
      i18n: this.i18n,
      state: s,
      heading: (content, options) => this.heading(content, options),
      id: (name) => `${this.uid}-${name}`,
      submit: this.#submit,
      input: this.#input,
    };
    const confirmation = s.confirmed ? messageBox(s.confirmed, { success: true }) : s.confirmProblem ? problemBox(this.i18n, s.confirmProblem) : '';
    return html`${this.heading(t('accountHeading'))}${confirmation}${this.#body(view)}`;
  }

  #body(view: AccountView): TemplateResult {
    const { t } = this.i18n;
    const s = this.state;
    if (this.session === null) return html`<p>${t('loginRequired')}</p>${loginLink(this, this.loginHref, t('login'))}`;
    if (s.loadProblem && !s.details) return problemBox(this.i18n, s.loadProblem, this.#retry);
    if (!s.details) return html`<p role="status">${t('loading')}</p>`;
    return html`${coordonnees(view, s.details)}${identifiants(view, s.details, this.tenantConfig?.passwordPolicy)}${personalData(view, s.details)}`;
  }
}

/** The events of `<famille-account>`, by name. */
export interface FamilleAccountEvents {
  'famille-email-confirmed': { email: string };
}
