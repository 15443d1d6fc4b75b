import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { endpoints } from '@famille/sdk';
import { parisDate } from '@famille/contract';
import { FamilleElement } from '../context/famille-element.ts';
import { SessionLoad } from '../context/session-load.ts';
import type { MessageTables } from '../i18n/localize.ts';
import { tariffTables, type AllTariffMessages as AllMessages } from './messages.ts';
import { tariffStyles } from './tariff-simulator.styles.ts';
import { initialState, simulate, type ScheduleFields, type TariffState } from './state.ts';
import { householdFields, scheduleFields, type TariffView } from './form.ts';
import { announcement, hourlyLines, scheduleResult } from './results.ts';

/**
 * @summary The tariff simulator ("Simulateur de tarifs"): what a crèche place financed by the Caf (PSU) will cost the household, before the parent applies. Public: works without login.
 *
 * The parent types the household's resources (yearly, or the Caf's monthly figure), the
 * number of dependent children (from the family when logged in), the children entitled
 * to the AEEH, and picks one of the tenant's structures or a kind of care; two schedules
 * side by side (days a week, hours a day, weeks a year) show the hourly rate, the monthly
 * amount and the yearly cost, with the lines of the calculation, updated as they type.
 * The barème is the Cnaf's (see the contract's `participationFamiliale`); the tenant's
 * configuration (`tariff`) gives its weeks of closure, its months billed and the kind of
 * care of each structure.
 *
 * @csspart base - The wrapper.
 * @csspart heading - The heading.
 * @csspart form - The form (nothing is sent: the amounts follow what is typed).
 * @csspart field - A field (label, hint, error, input).
 * @csspart label - A field's label.
 * @csspart hint - A field's hint.
 * @csspart error - A field's error.
 * @csspart input - An input.
 * @csspart select - The structure or kind of care.
 * @csspart schedules - The two schedules, side by side.
 * @csspart schedule - One schedule with its amounts.
 * @csspart lines - The lines of the calculation of the hourly rate.
 * @csspart status - "Complétez le formulaire…", or no barème for this kind of care.
 * @csspart result - One schedule's hourly rate, monthly amount and yearly cost.
 * @csspart apply - The link to apply for a place.
 */
export class FamilleTariffSimulator extends FamilleElement<AllMessages, TariffState> {
  static override lightStyles = tariffStyles;
  static override properties: PropertyDeclarations = {
    preregistrationHref: { attribute: 'preregistration-href' },
    date: {},
  };

  /** Where "Faire une demande de place en crèche" leads; without it, no link. */
  declare preregistrationHref: string | undefined;
  /** The day whose barème applies (YYYY-MM-DD); today in Paris by default. */
  declare date: string | undefined;

  protected override initialState(): TariffState {
    return initialState();
  }

  protected override messageTables(): MessageTables<AllMessages> {
    return tariffTables;
  }

  constructor() {
    super();
    // A logged-in parent: the number of children comes from their family (the controller
    // registers itself with the element).
    new SessionLoad(this, {
      client: () => this.activeClient,
      start: () => this.setState({ familyChildren: undefined }),
      load: (client) => client.call(endpoints.family),
      loaded: (family) => this.setState({ familyChildren: family.members.filter((m) => m.role === 'enfant').length || undefined }),
      // Public page: without the family, the parent types the number.
      failed: () => undefined,
    });
  }

  #input = (event: Event) => {
    const { name, value } = event.target as HTMLInputElement;
    // Typing again in a field hides its error until it is left (never an error while typing).
    if (this.state.touched[name]) {
      const { [name]: _, ...touched } = this.state.touched;
      this.setState({ touched });
    }
    const [field, index] = name.split('-') as [string, string | undefined];
    if (index !== undefined) {
      const schedules = this.state.schedules.map((s, i) => (String(i) === index ? { ...s, [field]: value } : s)) as [ScheduleFields, ScheduleFields];
      this.setState({ schedules });
    } else if (name === 'basis') {
      this.setState({ basis: value as TariffState['basis'] });
    } else if (name === 'resources' || name === 'children' || name === 'aeeh' || name === 'care') {
      this.setState({ [name]: value });
    }
  };

  #leave = (event: FocusEvent) => {
    const { name } = event.target as HTMLInputElement;
    if (name && !this.state.touched[name]) this.setState({ touched: { ...this.state.touched, [name]: true } });
  };

  protected override renderContent(): TemplateResult {
    const { t } = this.i18n;
    // Logged out since: the previous family's number of children is no longer shown.
    const state = this.session ? this.state : { ...this.state, familyChildren: undefined };
    const view: TariffView = { id: this.uid, i18n: this.i18n, state, sim: simulate(state, this.tenantConfig, this.date || parisDate(new Date())) };
    return html`${this.heading(t('tariffHeading'))}
      <p>${t('tariffIntro')}</p>
      <form part="form" novalidate @submit=${(e: Event) => e.preventDefault()} @input=${this.#input} @focusout=${this.#leave}>
        ${householdFields(view)}
        <section class="famille-stack" aria-labelledby="${this.uid}-result">
          ${this.heading(t('resultHeading'), { depth: 1, id: `${this.uid}-result` })} ${hourlyLines(view)}
          <div class="famille-schedules" part="schedules">
            ${['A', 'B'].map(
              (name, i) => html`<fieldset class="famille-stack" part="schedule">
                <legend>${t('scheduleHeading', { name })}</legend>
                ${scheduleFields(view, i)} ${scheduleResult(view, i)}
              </fieldset>`,
            )}
          </div>
          <p class="famille-sr" aria-live="polite">${announcement(view)}</p>
          <p class="famille-hint">${t('disclaimer')}</p>
        </section>
      </form>
      ${this.preregistrationHref ? html`<a class="famille-button" part="apply" href=${this.preregistrationHref}>${t('apply')}</a>` : ''}`;
  }
}
