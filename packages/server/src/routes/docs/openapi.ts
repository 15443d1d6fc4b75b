import * as z from 'zod/mini';
import { TenantSlug, endpoints, problemCodes, problemContentType, type Endpoint, type ProblemCode } from '@famille/contract';
import type { AppConfig } from '../../deps.ts';
import { problemCatalog } from '../../http/problem.ts';

type JsonObject = Record<string, unknown>;

const componentRef = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** A registered schema becomes a `$ref`; any other is inlined. */
function schemaOf(schema: z.ZodMiniType): JsonObject {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return componentRef(id);
  const { $schema: _, ...inline } = z.toJSONSchema(schema, { unrepresentable: 'any' }) as JsonObject;
  return inline;
}

/** Codes any operation may answer besides its own list, depending on its shape. */
function problemCodesOf(endpoint: Endpoint): ProblemCode[] {
  const codes = new Set<ProblemCode>(endpoint.errors);
  if (endpoint.body && endpoint.binary !== 'upload') ['unsupported_media_type', 'malformed_body', 'payload_too_large', 'validation_failed'].forEach((c) => codes.add(c as ProblemCode));
  if (endpoint.path.startsWith('/tenants/{tenant}')) ['tenant_not_found', 'origin_not_allowed'].forEach((c) => codes.add(c as ProblemCode));
  if (endpoint.body || endpoint.query) codes.add('validation_failed');
  if (endpoint.auth !== 'none') ['unauthenticated', 'session_expired'].forEach((c) => codes.add(c as ProblemCode));
  codes.add('internal_error');
  return problemCodes.filter((code) => codes.has(code));
}

function problemResponses(endpoint: Endpoint): JsonObject {
  const byStatus = new Map<string, ProblemCode[]>();
  for (const code of problemCodesOf(endpoint)) {
    // 5XX: internal errors may come as 500 or, for readiness, 503.
    const status = code === 'internal_error' ? '5XX' : String(problemCatalog[code].status);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      status,
      {
        description: codes.map((code) => `\`${code}\`: ${problemCatalog[code].title}`).join('; '),
        'x-problem-codes': codes,
        ...(codes.includes('too_many_attempts') && { headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } } }),
        content: { [problemContentType]: { schema: componentRef('Problem') } },
      },
    ]),
  );
}

function operation(name: string, endpoint: Endpoint): JsonObject {
  const params = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map(([, param]) => ({
    name: param,
    in: 'path',
    required: true,
    schema: param === 'tenant' ? schemaOf(TenantSlug) : { type: 'string' },
    ...(param === 'tenant' && { description: 'Tenant (municipality) identifier, e.g. `vienne-condrieu`' }),
  }));
  if (endpoint.query) {
    const query = z.toJSONSchema(endpoint.query, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, JsonObject>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      params.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema: schema as never });
    }
  }
  const success = endpoint.binary === 'download'
    ? {
        description: `${endpoint.summary}. Content-Type is the stored type; Content-Disposition: attachment; X-Content-Type-Options: nosniff`,
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      }
    : endpoint.response
    ? { description: endpoint.summary, content: { 'application/json': { schema: schemaOf(endpoint.response) } } }
    : { description: 'Done; no content' };
  return {
    operationId: name,
    summary: endpoint.summary,
    tags: [endpoint.tag],
    ...(params.length > 0 && { parameters: params }),
    ...(endpoint.binary === 'upload'
      ? {
          requestBody: {
            required: true,
            description: "The file's raw bytes, with its type in Content-Type and its name in `Content-Disposition: attachment; filename*=UTF-8''…`. Checked against the tenant's `uploads` rules (size, type, content).",
            content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
          },
        }
      : endpoint.body && { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(endpoint.body) } } } }),
    responses: { [String(endpoint.status)]: success, ...problemResponses(endpoint) },
    security:
      endpoint.auth === 'parent'
        ? [{ sessionCookie: [] }, { bearerToken: [] }]
        : endpoint.auth === 'agent'
          ? [{ agentBearerToken: [] }]
          : endpoint.auth === 'parentOrAgent'
            ? [{ sessionCookie: [] }, { bearerToken: [] }, { agentBearerToken: [] }]
            : [],
  };
}

/** The OpenAPI 3.1 document, generated from the contract's endpoint table and schemas. */
export function buildOpenApiDocument(config: AppConfig): JsonObject {
  const registry = z.toJSONSchema(z.globalRegistry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' }) as {
    schemas: Record<string, JsonObject>;
  };
  const schemas = Object.fromEntries(
    Object.entries(registry.schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]),
  );
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const [name, endpoint] of Object.entries(endpoints) as [string, Endpoint][]) {
    (paths[endpoint.path] ??= {})[endpoint.method] = operation(name, endpoint);
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Espace Famille API',
      version: config.version,
      description:
        'Reference API of the Espace Famille kit. Errors are RFC 9457 `application/problem+json` with a stable `code`. ' +
        'Tenant routes accept browser requests only from the tenant’s allowed origins; state-changing requests ' +
        'authenticated by cookie must carry an allowed `Origin`.',
    },
    servers: [{ url: config.basePath }],
    tags: [
      { name: 'operations', description: 'Liveness and readiness probes' },
      { name: 'tenant', description: 'Public configuration of a municipality' },
      { name: 'auth', description: 'Parents’ sessions (cookie or bearer token)' },
      { name: 'family', description: 'The family’s members (entourage) and its requests' },
      { name: 'documents', description: 'Uploaded files (attachments, supporting documents)' },
      { name: 'agents', description: 'The service’s agents: their sessions and the requests they process' },
    ],
    paths,
    components: {
      schemas,
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: config.cookie.name, description: 'HttpOnly session cookie, scoped to the tenant path' },
        bearerToken: { type: 'http', scheme: 'bearer', description: 'Token from `login` with `transport: "token"`' },
        agentBearerToken: { type: 'http', scheme: 'bearer', description: 'Agent token from `agentLogin`' },
      },
    },
  };
}
