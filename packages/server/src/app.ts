import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { apiVersion, apiVersionHeader, endpoints, type Endpoint, type ProblemCode } from '@famille/contract';
import { resolveDeps, type AppDeps } from './deps.ts';
import { dummyHashFor } from './auth/login.ts';
import { mountEndpoint, toHonoPath, type HandlerTable } from './http/endpoint.ts';
import type { AppEnv } from './http/env.ts';
import { readableProblem, tenantAndOrigin } from './http/origin.ts';
import { ProblemError, problemResponse } from './http/problem.ts';
import { jsonCompression } from './http/json-compression.ts';
import { requestLog } from './http/request-log.ts';
import { authHandlers } from './routes/auth/index.ts';
import { mountDocs } from './routes/docs/index.ts';
import { healthHandlers } from './routes/health/index.ts';
import { tenantHandlers } from './routes/tenant/index.ts';
import { accountHandlers } from './routes/accounts/index.ts';
import { myAccountHandlers } from './routes/account/index.ts';
import { passwordResetHandlers } from './routes/password-reset/index.ts';
import { devHandlers } from './routes/dev/index.ts';
import { familyHandlers } from './routes/family/index.ts';
import { documentHandlers } from './routes/documents/index.ts';
import { familyDocumentHandlers } from './routes/family-documents/index.ts';
import { agentHandlers } from './routes/agents/index.ts';
import { preregistrationHandlers } from './routes/preregistration/index.ts';
import { invoiceHandlers } from './routes/invoices/index.ts';
import { messageHandlers } from './routes/messages/index.ts';
import { dashboardHandlers } from './routes/dashboard/index.ts';
import { mountPaymentProviderRoutes } from './payments/provider-routes.ts';
import { mountKit } from './kit/routes.ts';

const handlers: HandlerTable = {
  ...healthHandlers,
  ...tenantHandlers,
  ...authHandlers,
  ...accountHandlers,
  ...myAccountHandlers,
  ...passwordResetHandlers,
  ...devHandlers,
  ...familyHandlers,
  ...documentHandlers,
  ...familyDocumentHandlers,
  ...agentHandlers,
  ...preregistrationHandlers,
  ...invoiceHandlers,
  ...messageHandlers,
  ...dashboardHandlers,
};

// Statuses some middleware may raise as HTTPException, mapped to our stable codes.
const codeForStatus: Partial<Record<number, ProblemCode>> = {
  400: 'malformed_body',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/**
 * The whole API as a Hono app on web standards only: the same code answers in Node,
 * in tests (`app.request()`) and in the browser behind msw.
 */
export function createApp(deps: AppDeps) {
  const app = resolveDeps(deps);
  const base = app.config.basePath;
  // Computed now, so that the first unknown identifiant is not slower than the others.
  dummyHashFor(app.hasher, app.randomBytes).catch((error: unknown) => app.logger.error({ msg: 'dummy hash failed', error: String(error) }));

  // Each endpoint's method and path pattern, for the body limit and the 405 answers.
  const routes = (Object.values(endpoints) as Endpoint[]).map((e) => ({
    pattern: new RegExp(`^${base}${toHonoPath(e.path).replace(/:\w+/g, '[^/]+')}$`),
    method: e.method.toUpperCase(),
    upload: e.binary === 'upload',
  }));

  const root = new Hono<AppEnv>();
  root.use('*', requestLog(app));
  // Outermost of the API's middlewares: it sees the final answer, problems included.
  if (app.gzip) root.use(`${base}/*`, jsonCompression(app.gzip));
  // The kit's scripts, at the root: public, and outside the API's body limit and tenant checks.
  if (app.kit) mountKit(root, app.kit);
  root.use(`${base}/*`, async (c, next) => {
    await next();
    c.res.headers.set(apiVersionHeader, apiVersion);
  });
  // Uploads are streamed and bounded by the tenant's own limit (see files/upload.ts), not this one.
  const uploadRoutes = routes.filter((r) => r.upload);
  // hono types bodyLimit's error callback and middleware with `any` in their Context: this app's context goes through.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-argument
  const jsonBodyLimit = bodyLimit({ maxSize: app.config.bodyLimitBytes, onError: (c) => problemResponse(c, 'payload_too_large') });
  // A GET or HEAD has no body to bound, and a declared Content-Length is bounded as it is:
  // asking for the body, as Hono's middleware does first, would build a full Fetch Request
  // (URL parsed again, headers copied, a stream) where the Node adapter reads a JSON body
  // straight from the socket. Only a body of unknown length (chunked) is counted as it comes.
  const withoutBody = new Set(['GET', 'HEAD', 'OPTIONS']);
  const boundedBody: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (withoutBody.has(c.req.method) || uploadRoutes.some((r) => r.method === c.req.method && r.pattern.test(c.req.path))) return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number(declared) > app.config.bodyLimitBytes ? problemResponse(c, 'payload_too_large') : next();
    }
    return jsonBodyLimit(c, next);
  };
  root.use(`${base}/*`, boundedBody);
  root.use(`${base}/tenants/:tenant/*`, tenantAndOrigin(app));
  // A login while password checks are saturated is refused at once, before its body is
  // read and validated: a rush's 503s then cost the event loop as little as they can (the
  // handler checks again, for the logins that arrive while it reads).
  const refuseWhenBusy: MiddlewareHandler<AppEnv> = async (c, next) => {
    const busy = c.req.method === 'POST' ? app.hasher.busy?.() : undefined;
    if (busy) throw busy;
    await next();
  };
  for (const login of [endpoints.login, endpoints.agentLogin]) root.use(`${base}${toHonoPath(login.path)}`, refuseWhenBusy);

  const api = new Hono<AppEnv>();
  for (const [name, endpoint] of Object.entries(endpoints) as [keyof HandlerTable, Endpoint][]) {
    mountEndpoint(api, app, endpoint, handlers[name] as never);
  }
  mountDocs(api, app.config);
  root.route(base, api);
  // The providers' pages, notifications and returns: not the client API, no tenant origin check.
  mountPaymentProviderRoutes(root, app);

  // A path that exists with another method is a 405 (with Allow), not a 404. Readable by
  // any page: a wrong `api` attribute (often the server's address without `/api`) must be
  // told from an API that is down.
  root.notFound((c) => {
    const allowed = routes.filter((r) => r.pattern.test(c.req.path)).map((r) => r.method);
    if (allowed.length > 0) return readableProblem(c, 'method_not_allowed', { headers: { Allow: allowed.join(', ') } });
    return readableProblem(c, 'not_found');
  });

  root.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error.code, error.details);
    const code = error instanceof HTTPException ? codeForStatus[error.status] : undefined;
    if (code) return problemResponse(c, code);
    // Details stay in the log (without a failed query's parameters: what a parent typed,
    // an identifiant, a token's hash); the client gets the request id to quote.
    app.logger.error({
      msg: 'unhandled error',
      requestId: c.get('requestId'),
      error: withoutQueryParams(error.message),
      stack: withoutQueryParams(error.stack ?? ''),
    });
    return problemResponse(c, 'internal_error');
  });

  return root;
}

/** Drizzle's "Failed query: … params: …" with the parameters withheld. */
export const withoutQueryParams = (text: string) => text.replace(/\nparams: [\s\S]*?(?=\n\s+at |$)/g, '\nparams: (withheld)');

export type App = ReturnType<typeof createApp>;
