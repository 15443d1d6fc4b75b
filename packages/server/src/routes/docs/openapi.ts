import * as z from 'zod/mini';
import { TenantSlug, apiVersion, apiVersionHeader, endpoints, problemCodes, problemContentType, type Endpoint, type ProblemCode } from '@famille/contract';
import type { AppConfig } from '../../deps.ts';
import { problemCatalog } from '../../http/problem.ts';

type JsonObject = Record<string, unknown>;

const componentRef = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/**
 * Drops `additionalProperties: false`, which zod writes for every object it outputs: the
 * server ignores unknown fields in requests, and answers may gain optional fields in a
 * minor version (see `Famille-Api-Version`), so clients must not reject them either.
 */
function openObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(openObjects);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'additionalProperties' && value === false))
      .map(([key, value]) => [key, openObjects(value)]),
  );
}

/** A registered schema becomes a `$ref`; any other is inlined. */
function schemaOf(schema: z.ZodMiniType): JsonObject {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return componentRef(id);
  const { $schema: _, ...inline } = z.toJSONSchema(schema, { unrepresentable: 'any' }) as JsonObject;
  return openObjects(inline) as JsonObject;
}

/** Path parameters by name: every name an endpoint's path uses must be here. */
const pathParameters: Record<string, { readonly description: string; readonly schema: JsonObject; readonly example?: string | number }> = {
  tenant: {
    description: 'The tenant: the municipality (or grouping of municipalities) whose Espace Famille this is; lower-case letters, digits and dashes',
    schema: schemaOf(TenantSlug),
    example: 'vienne-condrieu',
  },
  memberId: { description: 'The member’s `id` (from `GET …/family`)', schema: { type: 'string' } },
  requestId: { description: 'The request’s `id`', schema: { type: 'string' } },
  documentId: { description: 'The document’s `id` (from the upload’s answer)', schema: { type: 'string' } },
  storedDocumentId: { description: 'The stored document’s `id` (from `GET …/family/documents`)', schema: { type: 'string' } },
  childId: { description: 'The child’s `id`: a member of the family with role `enfant`', schema: { type: 'string' } },
  preregistrationId: { description: 'The pre-registration’s `id`', schema: { type: 'string' } },
  invoiceId: { description: 'The invoice’s `id`', schema: { type: 'string' } },
  year: { description: 'The calendar year, from 2000 to the current one', schema: { type: 'integer', minimum: 2000 }, example: 2025 },
  transactionId: { description: 'The transaction’s `id` (from `POST …/payments/transactions`)', schema: { type: 'string' } },
  paymentId: { description: 'The payment’s `id`', schema: { type: 'string' } },
  messageId: { description: 'The message’s `id` (from `GET …/messages`)', schema: { type: 'string' } },
};

/** Tags in display order, each with what its operations are about. */
const tags: Record<string, string> = {
  tenant: 'The public configuration of a tenant (a municipality or a grouping of them)',
  auth: 'Parents’ sessions (cookie or bearer token) and forgotten passwords',
  accounts: 'Creating and activating a parent’s account',
  account: 'Mon compte: the parent’s own account — coordonnées, e-mail and password, identity and closure requests, the personal-data export',
  family: 'The family’s entourage (members) and the requests it makes to the service',
  documents: 'Uploaded files: supporting documents (pièces justificatives) attached to requests',
  preregistration: 'Crèche pre-registration (pré-inscription): drafts saved at every step, submission, follow-up',
  invoices: 'Invoices, online and counter payments, yearly tax attestations, electronic-invoice choices',
  dashboard: 'Mon tableau de bord: what the family’s landing page shows, and every request of the family whatever its kind',
  messages: 'Mes actualités: messages the service posts to one family or to all, read and marked read by each family',
  agents: 'The service’s agents (back office): their sessions, the requests and pre-registrations they process, invoices, counter payments and refunds',
  development: 'Development helpers, answered only where no e-mail is sent',
};

/** Codes whose answer carries `Retry-After` (and `retryAfterSeconds`). */
const retryCodes: ReadonlySet<string> = new Set(['too_many_attempts', 'server_busy']);

/** Codes any operation may answer besides its own list, depending on its shape. */
function problemCodesOf(endpoint: Endpoint): ProblemCode[] {
  const codes = new Set<ProblemCode>(endpoint.errors);
  if (endpoint.body && endpoint.binary !== 'upload')
    ['unsupported_media_type', 'malformed_body', 'payload_too_large', 'validation_failed'].forEach((c) => codes.add(c as ProblemCode));
  if (endpoint.path.startsWith('/tenants/{tenant}')) ['tenant_not_found', 'origin_not_allowed'].forEach((c) => codes.add(c as ProblemCode));
  if (endpoint.body || endpoint.query) codes.add('validation_failed');
  if (endpoint.auth !== 'none') ['unauthenticated', 'session_expired'].forEach((c) => codes.add(c as ProblemCode));
  codes.add('internal_error');
  return problemCodes.filter((code) => codes.has(code));
}

/** An answer of this code as the server writes it (see http/problem.ts). */
function problemExample(code: ProblemCode): JsonObject {
  const { status, title } = problemCatalog[code];
  return {
    type: `urn:espace-famille:problem:${code}`,
    title,
    status,
    code,
    ...(code === 'validation_failed' && {
      fieldErrors: [
        { path: 'contacts.email', code: 'invalid_format', params: { format: 'email' } },
        { path: 'identity.nomUsage', code: 'required' },
      ],
    }),
    ...(retryCodes.has(code) && { retryAfterSeconds: 900 }),
    requestId: 'Xq3v9kR2mT7wL0pZ',
  };
}

function problemResponses(endpoint: Endpoint): JsonObject {
  const byStatus = new Map<string, ProblemCode[]>();
  for (const code of problemCodesOf(endpoint)) {
    // 5XX: internal errors come as 500 or, for readiness, 503.
    const status = code === 'internal_error' ? '5XX' : String(problemCatalog[code].status);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      status,
      {
        description: codes
          .map(
            (code) =>
              `\`${code}\`: ${problemCatalog[code].title}${code === 'internal_error' ? ' (500; 503 when a dependency such as the database does not answer)' : ''}`,
          )
          .join('; '),
        'x-problem-codes': codes,
        ...(codes.some((code) => retryCodes.has(code)) && {
          headers: { 'Retry-After': { schema: { type: 'integer', minimum: 0 }, description: 'Seconds to wait before trying again (as `retryAfterSeconds`)' } },
        }),
        content: {
          [problemContentType]: {
            schema: componentRef('Problem'),
            examples: Object.fromEntries(codes.map((code) => [code, { summary: problemCatalog[code].title, value: problemExample(code) }])),
          },
        },
      },
    ]),
  );
}

/**
 * The request examples registered with a body schema (JSON Schema `examples`), or with the
 * options of a union of registered schemas (MemberInput), named after their schema.
 */
function bodyExamples(schema: z.ZodMiniType): JsonObject | undefined {
  const sources = [schema, ...((schema._zod.def as { options?: z.ZodMiniType[] }).options ?? [])];
  const entries = sources.flatMap((source) => {
    const meta = z.globalRegistry.get(source);
    const values = (meta?.examples as unknown[] | undefined) ?? [];
    return values.map((value, index): [string, JsonObject] => [
      `${meta!.id}${values.length > 1 ? `-${index + 1}` : ''}`,
      { summary: `${meta!['title'] ?? meta!.id}${values.length > 1 ? ` (${index + 1})` : ''}`, value },
    ]);
  });
  return entries.length ? Object.fromEntries(entries) : undefined;
}

function operation(name: string, endpoint: Endpoint): JsonObject {
  const parameters: JsonObject[] = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map(([, param]) => {
    const known = pathParameters[param!];
    if (!known) throw new TypeError(`${endpoint.path}: document the path parameter "${param}" in pathParameters`);
    return {
      name: param,
      in: 'path',
      required: true,
      description: known.description,
      schema: known.schema,
      ...(known.example !== undefined && { example: known.example }),
    };
  });
  if (endpoint.query) {
    const query = z.toJSONSchema(endpoint.query, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, JsonObject>; required?: string[] };
    for (const [param, { description, ...schema }] of Object.entries(query.properties ?? {})) {
      parameters.push({ name: param, in: 'query', required: query.required?.includes(param) ?? false, description, schema });
    }
  }
  const responseMeta = endpoint.response && z.globalRegistry.get(endpoint.response);
  const success =
    endpoint.binary === 'download'
      ? {
          description: endpoint.summary,
          headers: {
            'Content-Disposition': { description: '`attachment`, with the file’s name', schema: { type: 'string' } },
            'X-Content-Type-Options': { description: '`nosniff`: the browser keeps the declared type', schema: { type: 'string' } },
          },
          content: { [endpoint.path.endsWith('/pdf') ? 'application/pdf' : '*/*']: { schema: { type: 'string', format: 'binary' } } },
        }
      : endpoint.response
        ? { description: responseMeta?.description ?? endpoint.summary, content: { 'application/json': { schema: schemaOf(endpoint.response) } } }
        : { description: 'Done; no content' };
  const examples = endpoint.body && bodyExamples(endpoint.body);
  return {
    operationId: name,
    summary: endpoint.summary,
    description: endpoint.description,
    tags: [endpoint.tag],
    ...(parameters.length > 0 && { parameters }),
    ...(endpoint.binary === 'upload'
      ? {
          requestBody: {
            required: true,
            description:
              "The file's raw bytes, with its type in Content-Type and its name in `Content-Disposition: attachment; filename*=UTF-8''…`. Checked against the tenant's `uploads` rules (size, type, content).",
            content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
          },
        }
      : endpoint.body && {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaOf(endpoint.body), ...(examples && { examples }) } },
          },
        }),
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

const description = (
  config: AppConfig,
) => `The reference API of the Espace Famille kit: the online services a French municipality (or a grouping of municipalities) offers families — the parent’s account, the family’s entourage, crèche pre-registration, invoices and payments, yearly tax attestations — and the back office of its agents. The kit’s web components and its SDK call it; any client may.

## Tenants
Every path under \`/tenants/{tenant}\` belongs to one tenant: a municipality or a grouping of municipalities, with its own families, agents, configuration and allowed web origins. \`GET /tenants/{tenant}/config\` is public and tells a client everything it needs before login.

## Authentication
- **Parents** log in with \`POST …/auth/login\`. The session travels as an HttpOnly cookie (\`${config.cookie.name}\`, scoped to the tenant’s path) for pages on the API’s own site, or as a bearer token (\`transport: "token"\`) for pages on another site. It ends after ${config.session.idleTtlSeconds / 60} minutes without a request, and ${config.session.absoluteTtlSeconds / 3600} hours after login at the latest.
- **Agents** of the tenant log in with \`POST …/agent/auth/login\` and send their bearer token.
- **Browsers**: tenant routes answer pages of the tenant’s allowed origins only (403 \`origin_not_allowed\` otherwise), and a state-changing request authenticated by cookie must carry an allowed \`Origin\`.

## Errors
Every error is an RFC 9457 problem (\`${problemContentType}\`) with a stable \`code\`: branch on it, never on \`title\` or \`detail\`, which are English text for developers. \`validation_failed\` (422) lists each field’s error in \`fieldErrors\` (dotted \`path\`, stable \`code\`, \`params\` for the message), so that each client words it in its own language. Throttled requests (429) carry \`Retry-After\`. Every answer carries \`X-Request-Id\`, also in the problem’s \`requestId\`: quote it when reporting a problem.

## Conventions
- **Money** is always an integer number of cents (fields ending in \`Cents\`; 1234 is 12,34 €), never a decimal number.
- **Calendar dates** (\`YYYY-MM-DD\`, fields ending in \`On\`, birth dates, start dates) are days in the Europe/Paris time zone. **Instants** (fields ending in \`At\`) are ISO 8601 in UTC, e.g. \`2026-03-02T08:00:00.000Z\`.
- **Ids** are opaque strings.
- Field names in French are the administrative terms parents see (\`nomUsage\`, \`prenoms\`, \`civilite\`…); see the glossary below.

## Versioning
Every answer carries \`${apiVersionHeader}: ${apiVersion}\` (MAJOR.MINOR). A client built for a version works with a server of the same MAJOR and the same or a higher MINOR: minor versions only add operations, optional request fields and answer fields. Ignore answer fields you do not know.

## Glossary
| Term | Meaning |
| --- | --- |
| attestation fiscale | Yearly certificate of the childcare paid for children under 6, for the tax credit (frais de garde) |
| CAF, MSA | The family benefit offices; the référent allocataire is the parent they pay benefits to |
| CESU | Chèque emploi service universel: vouchers accepted at the counter for childcare |
| CGU | Conditions générales d’utilisation: terms of use |
| civilité | Madame or Monsieur |
| co-représentant | The other parent, who shares parental authority |
| commission d’attribution | The committee that allocates crèche places, a few times a year |
| crèche, EAJE, multi-accueil | Childcare structures for children under 4 (établissement d’accueil du jeune enfant) |
| démarche | An administrative procedure done online |
| demande | A request from the family to the service, numbered per tenant ("Demande n° 36") |
| entourage | The family’s members: other parent, children, authorised contacts |
| nom d’usage, nom de naissance, prénoms | Surname in use, surname at birth, first names |
| PayFiP | The online payment service of the DGFiP (the French public finances directorate) for public bodies |
| pré-inscription | Pre-registration of a child in a crèche, before the commission |
| régie | The public body’s cash desk, where payments are taken at the counter |
| solde dû, reste à payer | Balance due |
`;

/** The OpenAPI 3.1 document, generated from the contract's endpoint table and schemas. */
export function buildOpenApiDocument(config: AppConfig): JsonObject {
  const registry = z.toJSONSchema(z.globalRegistry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' }) as {
    schemas: Record<string, JsonObject>;
  };
  const schemas = Object.fromEntries(Object.entries(registry.schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, openObjects(schema)]));
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const [name, endpoint] of Object.entries(endpoints) as [string, Endpoint][]) {
    // The liveness and readiness probes are for orchestrators, not API clients (README,
    // "Probes"): they answer 200 or 503, never a 4XX that the document would have to promise.
    if (endpoint.tag === 'operations') continue;
    if (!(endpoint.tag in tags)) throw new TypeError(`${name}: describe the tag "${endpoint.tag}" in tags`);
    (paths[endpoint.path] ??= {})[endpoint.method] = operation(name, endpoint);
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Espace Famille API',
      version: config.version,
      description: description(config),
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: config.basePath, description: 'This server' }],
    tags: Object.entries(tags).map(([name, about]) => ({ name, description: about })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: config.cookie.name,
          description: 'A parent’s session as an HttpOnly cookie, set by `login` (default `transport: "cookie"`) and scoped to the tenant’s path',
        },
        bearerToken: { type: 'http', scheme: 'bearer', description: 'A parent’s session token, from `login` with `transport: "token"`' },
        agentBearerToken: { type: 'http', scheme: 'bearer', description: 'An agent’s session token, from `agentLogin`' },
      },
    },
  };
}
