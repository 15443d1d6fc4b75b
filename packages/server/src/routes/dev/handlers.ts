import type { HandlerTable } from '../../http/endpoint.ts';
import { ProblemError } from '../../http/problem.ts';
import { recentOutboxMessages } from '../../mail/outbox.ts';

export const devHandlers: Pick<HandlerTable, 'devOutbox'> = {
  // Only where nothing sends e-mail (config.devOutbox): the links would otherwise be readable by anyone.
  devOutbox: async ({ c, app, tenant }) => {
    if (!app.config.devOutbox) throw new ProblemError('not_found');
    c.header('Cache-Control', 'no-store');
    const rows = await recentOutboxMessages(app.db, tenant.config.id);
    return { messages: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })) };
  },
};
