// The state of <famille-dashboard>, and which page of the host each kind of request belongs to.
import type { ApiError } from '@famille/sdk';
import type { DownloadProblem } from '../form/pdf-download.ts';
import type { DashboardSummary, Message, MessageSummary, RequestSummary } from '@famille/contract';

/** Requests and messages read at first, and added by each "older" button. */
export const PAGE = 5;

/** The host's pages the blocks link to, each set by a `*-href` attribute. */
export type Page = 'invoices' | 'entourage' | 'preregistration' | 'account' | 'documents';

/** A list read page by page: its items so far, where the next page starts, and its last failure. */
export interface Paged<T> {
  items: T[];
  next?: number | undefined;
  loading: boolean;
  problem?: ApiError | undefined;
}

/** What the element shows, replaced as a whole on every change. */
export interface DashboardState {
  summary?: DashboardSummary | undefined;
  loadProblem?: ApiError | undefined;
  requests: Paged<RequestSummary>;
  messages: Paged<MessageSummary>;
  /** Unread messages of the family (all pages). */
  unread: number;
  /** The message open, or being opened (its id), and why it could not be. */
  open?: Message | undefined;
  opening?: string | undefined;
  openProblem?: { error: ApiError; id: string } | undefined;
  downloadProblem?: DownloadProblem | undefined;
  /** "Pièces justificatives" opened: the store is shown (and its code loaded). */
  documentsOpen: boolean;
}

export const initialState = (): DashboardState => ({
  requests: { items: [], loading: false },
  messages: { items: [], loading: false },
  unread: 0,
  documentsOpen: false,
});

/** The page where a request of this kind is followed. */
export const pageOfKind = (kind: RequestSummary['kind']): Page =>
  kind === 'preregistration' ? 'preregistration' : kind.startsWith('member_') ? 'entourage' : 'account';

/** The list with a message marked read, and the unread count after it. */
export function markedRead(state: Pick<DashboardState, 'messages' | 'unread'>, id: string): Pick<DashboardState, 'messages' | 'unread'> {
  const wasUnread = state.messages.items.some((m) => m.id === id && !m.read);
  return {
    messages: { ...state.messages, items: state.messages.items.map((m) => (m.id === id ? { ...m, read: true } : m)) },
    unread: wasUnread ? Math.max(0, state.unread - 1) : state.unread,
  };
}
