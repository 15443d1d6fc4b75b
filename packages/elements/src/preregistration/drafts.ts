// What the steps' module (wizard.ts) converts between the page and the drafts the server
// keeps, and the children's profiles its checks read: pure functions.
import type { Member, PreregistrationDraft, PreregistrationDraftInput } from '@famille/contract';
import { today, typedDate, typedToIso } from '../form/dates.ts';
import { sentUpload } from '../form/upload.ts';
import { choiceRow, Step, type Values } from './state.ts';

/** The step a field path of the server's answer belongs to. */
export function stepOfPath(path: string): Step {
  if (path.startsWith('startDate')) return Step.Date;
  if (path.startsWith('choices') || path.startsWith('observations')) return Step.Choices;
  if (path.startsWith('documents')) return Step.Documents;
  if (path.startsWith('answers')) return Step.Questionnaire;
  return Step.Child;
}

type ChildProfile = Extract<Member['profile'], { role: 'enfant' }>;
/** A child's profile (the family's `enfant` members only are kept). */
export const childProfile = (m: Member | undefined): Partial<ChildProfile> => (m?.profile.role === 'enfant' ? m.profile : {});

/** What a saved draft gives back to the page, to resume it. */
export function valuesFromDraft(d: PreregistrationDraft): Values {
  return {
    childId: d.childId,
    startDate: d.startDate ? typedDate(d.startDate) : '',
    choices: (d.choices.length ? d.choices : ['']).map((value) => choiceRow(value)),
    observations: d.observations ?? '',
    docs: Object.fromEntries(d.documents.map((doc) => [doc.type, [{ ...sentUpload(doc.document), ...(doc.storedDocumentId && { stored: true }) }]])),
    answers: { ...d.answers },
  };
}

/** The step a draft resumes at (a numbered one). */
export const resumeStep = (d: PreregistrationDraft): Step => Math.min(Math.max(d.step, Step.Child), Step.Review) as Step;

/** What the draft holds: only valid values of the fields (an invalid date stays on the page, not in the draft). */
export function draftInput(step: Step, values: Values): PreregistrationDraftInput {
  const iso = typedToIso(values.startDate);
  const answers = Object.fromEntries(Object.entries(values.answers).filter(([, a]) => !Array.isArray(a) || a.length > 0));
  return {
    step,
    ...(iso && iso > today() && { startDate: iso }),
    choices: values.choices.map((r) => r.value).filter((v) => v),
    observations: values.observations,
    documents: Object.entries(values.docs).flatMap(([type, list]) => {
      const sent = list.find((u) => u.info);
      if (!sent) return [];
      return [sent.stored ? { type, storedDocumentId: sent.info!.id } : { type, documentId: sent.info!.id }];
    }),
    answers,
  };
}
