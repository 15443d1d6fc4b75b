// The one form template of <famille-login>: the login form and the recovery's forms are
// all rendered by it, so that going from one to another keeps the inputs they share, with
// what was typed. Also the server's answer, shown in every state.
import { html, nothing, type TemplateResult } from 'lit';
import type { ApiError, FamilleClient } from '@famille/sdk';
import type { FieldError } from '@famille/contract';
import { errorSummary, field, messageBox, passwordToggle, retriable, secondaryButton, submitButton } from '../form/field.ts';
import type { HeadingOptions } from '../form/heading.ts';
import type { Localizer } from '../i18n/localize.ts';
import type { AllLoginMessages } from './messages.ts';
import type { FamilleLogin } from './login.ts';
import { fieldNames, type CheckResult, type FieldName, type LoginState, type LoginValues } from './state.ts';

/** What the views of `<famille-login>` (and its recovery flows) use of the element. */
export interface LoginView {
  /** The element: its links, its reset token, its tenant's policy, its events. */
  readonly element: FamilleLogin;
  /** The prefix of the element's ids. */
  readonly id: string;
  /** The element's words, in its language. */
  i18n(): Localizer<AllLoginMessages>;
  /** A heading `depth` below the element's title (0: the title, which receives focus). */
  heading(content: unknown, options?: HeadingOptions & { depth?: number }): TemplateResult;
}

/** One form of `<famille-login>`: the login's own, or one of the recovery's. */
export interface LoginForm {
  heading: string;
  /** Said before the required fields' legend. */
  intro?: string;
  /** The identifiant input's label; without it, no such input. */
  identifiant?: string;
  /** The password input; without it, none. */
  password?: {
    label: string;
    autocomplete: 'current-password' | 'new-password';
    /** The tenant's rules, live as the parent types (the input is described by `${id}-rules`). */
    checklist?: (id: string, typed: string) => TemplateResult;
  };
  submit: string;
  submitting: string;
  /** Under the button: other forms, other pages. */
  links: TemplateResult;
  /** What the parent may do about a refusal of the server, beyond "Réessayer" after a failure. */
  action?: (problem: ApiError) => TemplateResult | undefined;
  /** The contract's validator's verdict on what was typed. */
  check(values: LoginValues): CheckResult;
  /** Sends what was typed; resolves once the next state is shown. */
  send(client: FamilleClient, values: LoginValues): Promise<void>;
}

/** What the form's controls do (the element's handlers). */
export interface FormHandlers {
  submit: (event: SubmitEvent) => unknown;
  input: (event: Event) => unknown;
  leave: (event: FocusEvent) => unknown;
  toggleReveal: () => unknown;
  /** "Réessayer" after a failure. */
  retry: () => unknown;
}

/** `form`, with the state's errors, confirmation (`notice`) and server answer above its inputs. */
export function renderForm(view: LoginView, state: LoginState, form: LoginForm, notice: unknown, on: FormHandlers): TemplateResult {
  const { t } = view.i18n();
  const { id } = view;
  const error = (name: FieldName) => {
    const e = state.errors[name];
    return e && fieldMessage(view, e, form);
  };
  const pw = `${id}-password`;
  const { password } = form;
  return html`<form part="form" method="post" novalidate aria-labelledby="${id}-heading"
    @submit=${on.submit} @input=${on.input} @focusout=${on.leave}>
    ${view.heading(form.heading, { id: `${id}-heading` })}
    ${notice}
    ${
      state.summary && Object.keys(state.errors).length
        ? errorSummary(
            `${id}-summary`,
            t('errorSummary'),
            fieldNames.flatMap((name) => (state.errors[name] ? [{ id: `${id}-${name}`, message: error(name)! }] : [])),
            view,
          )
        : nothing
    }
    ${renderProblem(view, state, on.retry, form)}
    <p>${form.intro ?? nothing} ${t('requiredLegend')}</p>
    ${
      form.identifiant === undefined
        ? nothing
        : field({
            id: `${id}-identifiant`,
            name: 'identifiant',
            label: form.identifiant,
            autocomplete: 'username',
            required: true,
            verbatim: true,
            error: error('identifiant'),
            errorPrefix: t('errorPrefix'),
          })
    }
    ${
      password
        ? field({
            id: pw,
            name: 'password',
            label: password.label,
            type: state.reveal ? 'text' : 'password',
            autocomplete: password.autocomplete,
            required: true,
            verbatim: true,
            error: error('password'),
            errorPrefix: t('errorPrefix'),
            ...(password.checklist && { describedBy: `${pw}-rules` }),
            after: passwordToggle(pw, state.reveal, { show: t('show'), hide: t('hide'), suffix: t('passwordSuffix') }, on.toggleReveal),
          })
        : nothing
    }
    ${password?.checklist?.(pw, state.typed) ?? nothing}
    ${submitButton(form.submit, form.submitting, state.pending)}
    <div class="famille-links">${form.links}</div>
  </form>`;
}

/**
 * The server's answer to what failed, if anything did. Nothing the parent typed is lost:
 * "Réessayer" (`retry`) sends the same form again, or does again what failed; `form` may
 * offer its own action instead.
 */
export function renderProblem(view: LoginView, state: LoginState, retry: () => void, form?: LoginForm): TemplateResult | typeof nothing {
  const { problem } = state;
  if (!problem) return nothing;
  const { t, problem: problemText } = view.i18n();
  // Field errors are already in the summary.
  if (problem !== 'not_configured' && problem.code === 'validation_failed' && problem.fieldErrors.length) return nothing;
  let message: string;
  let action: TemplateResult | typeof nothing = nothing;
  if (problem === 'not_configured') message = t('notConfigured');
  else if (problem.code === 'too_many_attempts') {
    message = t('too_many_attempts', { minutes: Math.max(1, Math.ceil((problem.problem?.retryAfterSeconds ?? 60) / 60)) });
  } else {
    message = problemText(problem.code);
    action = form?.action?.(problem) ?? (retriable(problem) ? secondaryButton(t('retry'), state.retry ?? retry) : nothing);
  }
  return messageBox(message, { prefix: t('errorPrefix'), action });
}

function fieldMessage(view: LoginView, error: FieldError, form: LoginForm): string {
  const label = error.path === 'password' ? form.password?.label : form.identifiant;
  const params = { field: label ?? '', minimum: 0, maximum: 0, ...error.params };
  return view.i18n().t(error.code, params);
}
