// The element's tables: its words over the kit's, French at once, English on first use;
// once the steps' module is here (wizard.ts), its words over them too.
import { withDeferredMessages, withMessages, type Messages, type MessageTables } from '../i18n/localize.ts';
import type { UploadMessages } from '../i18n/upload.ts';
import { preregistrationFr, type PreregistrationMessages } from './messages.fr.ts';
import type { WizardMessages } from './wizard-messages.fr.ts';

/** Every word the element and its steps use (those of the steps only once their module is here). */
export type AllPreregistrationMessages = Messages & PreregistrationMessages & WizardMessages & UploadMessages;
/** The words of the steps' module (wizard.ts): its own and the upload pieces'. */
export type StepsMessages = WizardMessages & UploadMessages;

const english = (): Promise<PreregistrationMessages> => import('./messages.en.ts').then((m) => m.preregistrationEn);

/** The first views' tables: the steps' words are not in them (see `preregistrationTablesWith`). */
export const preregistrationTables = withMessages(preregistrationFr, english) as MessageTables<AllPreregistrationMessages>;

/** The element's tables with the steps' words over them, once their module is here. */
export const preregistrationTablesWith = (words: StepsMessages, wordsEnglish: () => Promise<StepsMessages>): MessageTables<AllPreregistrationMessages> =>
  withDeferredMessages(preregistrationFr, english, words, wordsEnglish);
