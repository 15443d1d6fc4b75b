import type { TemplateResult } from 'lit';
import type { TenantConfig } from '@famille/contract';
import type { HeadingOptions } from '../form/heading.ts';
import type { Localizer } from '../i18n/localize.ts';
import type { AllCreateAccountMessages } from './messages.ts';
import { labelOf, type CreateAccountState, type Values } from './state.ts';

/** What the wizard's steps and pages read from `<famille-create-account>` to render. */
export interface WizardView {
  readonly i18n: Localizer<AllCreateAccountMessages>;
  /** The prefix of every id in the element (unique on the page). */
  readonly id: string;
  readonly state: CreateAccountState;
  readonly values: Values;
  /** The tenant's notices, links and password policy, once loaded. */
  readonly tenantConfig: TenantConfig | undefined;
  /** A heading `depth` below the element's title (0: the title, which receives focus). */
  heading(content: unknown, options?: HeadingOptions & { depth?: number }): TemplateResult;
}

/** The id of the input of `path` (a radio group's first radio) in the element whose ids start with `prefix`. */
export const fieldId = (prefix: string, path: string): string => `${prefix}-${path.replace('.', '-')}`;

/** The error message of the input of `path`, if it has an error. */
export function fieldMessage(view: WizardView, path: string): string | undefined {
  const error = view.state.errors[path];
  if (!error) return undefined;
  const { t } = view.i18n;
  if (path === 'acceptCgu') return t('acceptRequired');
  return t(error.code, { field: t(labelOf(path)), minimum: 0, maximum: 0, ...error.params });
}
