import { schemaVersion } from '../../db/migrate.ts';
import type { HandlerTable } from '../../http/endpoint.ts';
import { ProblemError } from '../../http/problem.ts';

export const healthHandlers: Pick<HandlerTable, 'health' | 'readiness'> = {
  // Liveness touches nothing outside the process.
  health: async ({ app }) => ({ status: 'ok', version: app.config.version }),

  // Exactly one query, which also proves the migrations ran.
  readiness: async ({ app, c }) => {
    let version: number | null;
    try {
      version = await schemaVersion(app.db);
    } catch (error) {
      app.logger.error({ msg: 'readiness check failed', requestId: c.get('requestId'), error: String(error) });
      throw new ProblemError('internal_error', { status: 503, detail: 'The database does not answer.' });
    }
    if (!version) throw new ProblemError('internal_error', { status: 503, detail: 'The database has no schema yet.' });
    return { status: 'ok', database: 'ok', migration: version };
  },
};
