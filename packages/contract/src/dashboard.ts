import * as z from 'zod/mini';
import { AccountIdentity } from './account.ts';
import { instant, wholeNumber } from './fields.ts';
import { Invoice } from './invoices.ts';
import { RequestKind, RequestStatus } from './family.ts';
import { PreregistrationStatus } from './preregistration.ts';
import { nextPage, pageQuery } from './pages.ts';

// Mon tableau de bord: what the family's landing page shows, and "Dernières demandes",
// every request of the family whatever its kind.

const requestKind =
  'What the request is: an entourage change (`member_add`, `member_update`, `member_remove`), a change of the account holder’s own details or account, or `preregistration` (a crèche pre-registration)';

/** One request of the family in "Dernières demandes": any kind, with its number and status. */
export const RequestSummary = z
  .object({
    id: z.string().check(z.describe('The request’s id (a pre-registration’s id for `preregistration`)')),
    number: wholeNumber().check(z.meta({ description: 'Sequential number in the tenant, shared by all kinds ("Demande n° 36")', examples: [36] })),
    kind: z.union([RequestKind, z.literal('preregistration')]).check(z.describe(requestKind)),
    status: z
      .union([RequestStatus, PreregistrationStatus])
      .check(z.describe('Its status: an entourage or account request’s (`RequestStatus`), or a pre-registration’s (`PreregistrationStatus`)')),
    label: z.string().check(z.meta({ description: 'Who or what it is about', examples: ['Léo Martin (enfant)'] })),
    createdAt: instant().check(z.describe('When it was submitted (UTC instant)')),
    updatedAt: instant().check(z.describe('Its last change (UTC instant)')),
    awaitingDocument: z
      .boolean()
      .check(z.describe('Not decided yet, and the service’s latest step asks the family for something (it carries a comment): a document to send, usually')),
  })
  .register(z.globalRegistry, { id: 'RequestSummary', description: 'A request of the family, whatever its kind, as "Dernières demandes" lists it' });
export type RequestSummary = z.infer<typeof RequestSummary>;

export const RequestSummaryList = z
  .object({ requests: z.array(RequestSummary).check(z.describe('A page of the family’s requests of every kind, newest (highest number) first')), ...nextPage })
  .register(z.globalRegistry, { id: 'RequestSummaryList', description: 'A page of the family’s requests of every kind' });
export type RequestSummaryList = z.infer<typeof RequestSummaryList>;

export const RequestSummaryQuery = z.object({ ...pageQuery(10) });
export type RequestSummaryPage = z.output<typeof RequestSummaryQuery>;

export const DashboardSummary = z
  .object({
    account: z.pick(AccountIdentity, { civilite: true, nomUsage: true, prenoms: true }).check(z.describe('Who is greeted: "Bonjour Madame Huby"')),
    previousLoginAt: z
      .optional(instant())
      .check(z.describe('The login before the one of this session (UTC instant): "Dernière connexion le …"; absent at the first login')),
    invoices: z
      .object({
        count: wholeNumber().check(z.describe('Invoices with a balance left')),
        totalCents: wholeNumber().check(z.describe('Their balances, in cents')),
        overdueCount: wholeNumber().check(z.describe('How many of them are past their due date (en retard)')),
        toPay: z
          .array(
            z.extend(z.pick(Invoice, { id: true, number: true, dueOn: true, balanceCents: true }), {
              overdue: z.boolean().check(z.describe('Past its due date')),
            }),
          )
          .check(z.describe('At most 5 of them: the overdue ones first, then by due date')),
      })
      .check(z.describe('Invoices to pay')),
    drafts: z
      .array(
        z.object({
          childId: z.string().check(z.describe('The child')),
          childLabel: z.string().check(z.meta({ description: 'The child’s name', examples: ['Léo Martin (enfant)'] })),
          updatedAt: instant().check(z.describe('Last save (UTC instant)')),
        }),
      )
      .check(z.describe('Pre-registration drafts to finish, most recently saved first')),
    awaitingDocument: z
      .array(RequestSummary)
      .check(z.describe('Requests not decided whose latest step asks the family for something, newest first (at most 10)')),
    unreadMessages: wholeNumber().check(z.describe('Messages of the service not read yet')),
    storedDocuments: z
      .object({
        count: wholeNumber().check(z.describe('Documents in the family’s store (pièces justificatives)')),
        expiredCount: wholeNumber().check(z.describe('How many of them are past their validity (no longer offered to the wizards)')),
      })
      .check(z.describe('The family’s document store, in short (the list itself: `GET …/family/documents`)')),
    documents: z
      .object({
        invoices: z.array(z.pick(Invoice, { id: true, number: true, issuedOn: true })).check(z.describe('The 3 latest invoices, for their PDF')),
        attestationYears: z.array(wholeNumber()).check(z.describe('Years with an attestation fiscale (`GET …/attestations/{year}/pdf`), newest first')),
      })
      .check(z.describe('Édition de documents: invoices and attestations fiscales to download')),
  })
  .register(z.globalRegistry, {
    id: 'DashboardSummary',
    description: 'Mon tableau de bord: the greeting, the last login, what needs doing and what to download',
  });
export type DashboardSummary = z.infer<typeof DashboardSummary>;
