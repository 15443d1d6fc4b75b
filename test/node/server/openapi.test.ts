// The OpenAPI document as served: described throughout, precise, clean for Redocly, and
// its docs page (Redoc, served by the API itself).
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return --
   the tests walk the generated document by arbitrary keys (`Json`, a JSON value typed `any`) */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { compile, endpoints, type Endpoint, type EndpointName, type JsonSchema } from '@famille/contract';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { BASE, login, testApp, type TestApp } from './support/app.ts';
import { agentLogin, send, upload, type Auth } from './support/family.ts';
import { newBillingFamily } from './support/invoices.ts';

type Json = Record<string, any>;

let database: TestDatabase;
let app: TestApp;
let doc: Json;
before(async () => {
  database = await openTestDatabase();
  ({ app } = await testApp(database.db));
  const response = await app.request('/api/openapi.json');
  assert.equal(response.status, 200);
  doc = (await response.json()) as Json;
});
after(() => database?.close());

/** Every `properties` entry anywhere in the document (components, inline schemas), by JSON pointer. */
function properties(node: unknown, pointer = '#'): [string, Json][] {
  if (typeof node !== 'object' || node === null) return [];
  const own = Object.entries(((node as Json)['properties'] ?? {}) as Json).map(([name, schema]): [string, Json] => [`${pointer}/properties/${name}`, schema]);
  const nested = Object.entries(node).flatMap(([key, child]) => (key === 'examples' || key === 'example' ? [] : properties(child, `${pointer}/${key}`)));
  return [...own, ...nested];
}

const operations = () =>
  Object.entries(doc['paths'] as Json).flatMap(([path, methods]) => Object.entries(methods as Json).map(([method, op]) => ({ path, method, op: op as Json })));

describe('the OpenAPI document', () => {
  test('describes every schema property, component, operation and parameter', () => {
    const all = properties(doc);
    // Inline copies count too: each place a client reads a field must say what it is.
    assert.ok(all.length > 300, `walked ${all.length} properties`);
    assert.deepEqual(
      all.filter(([, schema]) => !(typeof schema['description'] === 'string' && schema['description'].trim().length > 0)).map(([pointer]) => pointer),
      [],
    );
    assert.deepEqual(
      Object.entries(doc['components']['schemas'] as Json)
        .filter(([, schema]) => !schema.description)
        .map(([name]) => name),
      [],
    );
    const ops = operations();
    // Every operation but the two probes (README, "Probes"), which are not the API's.
    assert.equal(ops.length, Object.values(endpoints).filter((endpoint: Endpoint) => endpoint.tag !== 'operations').length);
    assert.equal(doc['paths']['/health'], undefined);
    for (const { path, method, op } of ops) {
      assert.ok(op['summary'] && op['description'], `${method} ${path}: summary and description`);
      for (const parameter of op['parameters'] ?? []) assert.ok(parameter.description, `${method} ${path}: ${parameter.name}`);
    }
    assert.ok(doc['info']['description'].includes('## Glossary'));
    assert.deepEqual(doc['info']['license'], { name: 'MIT', identifier: 'MIT' });
  });

  test('types answers as precisely as requests: integer cents and counts, dates, instants, enums', () => {
    const schemas = doc['components']['schemas'] as Json;
    const property = (schema: string, name: string) => schemas[schema].properties[name] as Json;
    for (const [schema, name] of [
      ['Invoice', 'totalCents'],
      ['Invoice', 'balanceCents'],
      ['InvoiceList', 'balanceDueCents'],
      ['Payment', 'amountCents'],
      ['FamilyRequest', 'number'],
      ['DocumentInfo', 'size'],
      ['AttestationSummary', 'year'],
    ]) {
      assert.equal(property(schema!, name!).type, 'integer', `${schema}.${name}`);
    }
    assert.equal(property('Problem', 'status').type, 'integer');
    assert.equal(property('Problem', 'status').minimum, 400);
    for (const [schema, name] of [
      ['Invoice', 'dueOn'],
      ['Preregistration', 'startDate'],
      ['Preregistration', 'nextCommission'],
      ['AttestationChild', 'birthDate'],
    ]) {
      assert.equal(property(schema!, name!).format, 'date', `${schema}.${name}`);
    }
    for (const [schema, name] of [
      ['Session', 'expiresAt'],
      ['Payment', 'receivedAt'],
      ['FamilyRequest', 'createdAt'],
      ['DocumentInfo', 'createdAt'],
    ]) {
      assert.equal(property(schema!, name!).format, 'date-time', `${schema}.${name}`);
    }
    assert.deepEqual(property('Invoice', 'status').enum, ['a_payer', 'en_retard', 'partiellement_reglee', 'reglee']);
    // Answers may gain fields in a minor version: nothing says clients must refuse them.
    assert.ok(!JSON.stringify(doc).includes('"additionalProperties":false'));
  });

  test('gives an example of every JSON request body, and the contract accepts each', () => {
    for (const [name, endpoint] of Object.entries(endpoints) as [string, Endpoint][]) {
      if (!endpoint.body) continue;
      const media = doc['paths'][endpoint.path][endpoint.method].requestBody.content['application/json'];
      const examples = Object.values((media.examples ?? {}) as Json);
      assert.ok(examples.length > 0, `${name}: an example`);
      for (const { value } of examples) {
        const result = endpoint.body.safeParse(value);
        assert.ok(result.success, `${name}: ${JSON.stringify(result.error?.issues)}`);
      }
    }
  });

  test('documents each problem answer with an example of its codes', () => {
    for (const { path, method, op } of operations()) {
      const problems = Object.entries(op['responses'] as Json).filter(([status]) => /^[45]/.test(status));
      assert.ok(
        problems.some(([status]) => status.startsWith('5')),
        `${method} ${path}: a 5XX`,
      );
      for (const [status, response] of problems) {
        const media = response.content['application/problem+json'];
        assert.deepEqual(Object.keys(media.examples), response['x-problem-codes'], `${method} ${path} ${status}`);
      }
    }
  });

  test('passes Redocly’s recommended rules with no error and no warning, offline', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'famille-openapi-'));
    try {
      writeFileSync(join(scratch, 'openapi.json'), JSON.stringify(doc, null, 2));
      const cli = fileURLToPath(import.meta.resolve('@redocly/cli/package.json')).replace(/package\.json$/, 'bin/cli.js');
      const { stdout } = await promisify(execFile)(process.execPath, [cli, 'lint', '--extends=recommended', '--format=json', 'openapi.json'], {
        cwd: scratch,
        // No telemetry, no update check: the run needs no network.
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
        maxBuffer: 16 * 1024 * 1024,
      });
      const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number; ignored: number }; problems: unknown[] };
      assert.deepEqual(report.problems, []);
      assert.deepEqual(report.totals, { errors: 0, warnings: 0, ignored: 0 });
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

/** The patterns of the formats answers use, for the contract's validator (which checks patterns, not formats). */
const formatPatterns: Record<string, string> = {
  date: '^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$',
  'date-time': '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z$',
};

/** A schema of the document with its `$ref`s inlined and its formats as patterns. */
function checkable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(checkable);
  if (typeof node !== 'object' || node === null) return node;
  const { $ref, examples: _, ...rest } = node as Json;
  if (typeof $ref === 'string') return checkable({ ...doc['components']['schemas'][$ref.split('/').pop()!], ...rest });
  const out: Json = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, checkable(value)]));
  if (typeof out['format'] === 'string' && formatPatterns[out['format']]) out['pattern'] ??= formatPatterns[out['format']];
  return out;
}

describe('real answers', () => {
  test('match the documented types: integers, dates, instants, enums', async () => {
    const checked = new Set<EndpointName>();
    const expect = async (name: EndpointName, response: Response): Promise<Json> => {
      const endpoint = endpoints[name] as Endpoint;
      const body = (await response.json()) as Json;
      assert.equal(response.status, endpoint.status, `${name}: ${JSON.stringify(body)}`);
      const schema = doc['paths'][endpoint.path][endpoint.method].responses[endpoint.status].content['application/json'].schema;
      const result = compile(checkable(schema) as JsonSchema).safeParse(body);
      assert.deepEqual(result.error?.issues ?? [], [], `${name}: ${JSON.stringify(body)}`);
      checked.add(name);
      return body;
    };
    const example = (name: EndpointName, key?: string): Json => {
      const endpoint = endpoints[name] as Endpoint;
      const examples = doc['paths'][endpoint.path][endpoint.method].requestBody.content['application/json'].examples as Json;
      return structuredClone((key ? examples[key] : Object.values(examples)[0]).value);
    };

    await expect('tenantConfig', await app.request(`${BASE}/config`));
    const family = await newBillingFamily(app, database.db);
    const parent: Auth = family.auth;
    const loggedIn = await expect('login', await login(app, { identifiant: family.identifiant, password: 'Tilleul-Orange-2026', transport: 'token' }));
    assert.ok(loggedIn['token']);
    await expect('session', await send(app, `${BASE}/auth/session`, 'GET', parent));
    const added = await expect('addMember', await send(app, `${BASE}/family/members`, 'POST', parent, example('addMember', 'EnfantProfile-1')));
    const childId = added['member'].id as string;
    await expect('family', await send(app, `${BASE}/family`, 'GET', parent));
    await expect('requests', await send(app, `${BASE}/requests`, 'GET', parent));
    const agent = await agentLogin(app);
    await expect('agentRequests', await send(app, `${BASE}/agent/requests`, 'GET', agent));
    await expect('agentSetRequestStatus', await send(app, `${BASE}/agent/requests/${added['request'].id}/status`, 'POST', agent, { status: 'validee' }));

    const birthCertificate = await upload(app, parent);
    const proofOfAddress = await upload(app, parent);
    const draft = example('savePreregistrationDraft');
    draft['documents'] = [
      { type: 'extrait-naissance', documentId: birthCertificate.id },
      { type: 'justificatif-domicile', documentId: proofOfAddress.id },
    ];
    await expect('savePreregistrationDraft', await send(app, `${BASE}/preregistration/drafts/${childId}`, 'PUT', parent, draft));
    await expect('preregistrationDrafts', await send(app, `${BASE}/preregistration/drafts`, 'GET', parent));
    await expect('submitPreregistration', await send(app, `${BASE}/preregistration/drafts/${childId}/submission`, 'POST', parent));
    await expect('agentPreregistrations', await send(app, `${BASE}/agent/preregistrations`, 'GET', agent));

    const invoiceInput: Json = { ...example('agentIssueInvoice'), familyId: family.familyId, number: `T${Date.now()}` };
    invoiceInput['lines'] = (invoiceInput['lines'] as Json[]).map((line) => ({ ...line, childId }));
    const invoice = await expect('agentIssueInvoice', await send(app, `${BASE}/agent/invoices`, 'POST', agent, invoiceInput));
    const second = await expect(
      'agentIssueInvoice',
      await send(app, `${BASE}/agent/invoices`, 'POST', agent, { ...invoiceInput, number: `${invoiceInput['number']}B` }),
    );
    await expect(
      'agentRecordPayment',
      await send(app, `${BASE}/agent/payments`, 'POST', agent, { ...example('agentRecordPayment'), familyId: family.familyId, invoiceIds: [invoice['id']] }),
    );
    await expect('invoices', await send(app, `${BASE}/invoices`, 'GET', parent));
    await expect('invoice', await send(app, `${BASE}/invoices/${invoice['id']}`, 'GET', parent));
    await expect('payments', await send(app, `${BASE}/payments`, 'GET', parent));
    const attestations = await expect('attestations', await send(app, `${BASE}/attestations`, 'GET', parent));
    assert.ok(attestations['attestations'].length > 0, 'an attestation with amounts');
    await expect('setInvoicePreference', await send(app, `${BASE}/invoice-preferences`, 'PUT', parent, { ...example('setInvoicePreference'), childId }));
    const redirect = await expect('startPayment', await send(app, `${BASE}/payments/transactions`, 'POST', parent, { invoiceIds: [second['id']] }));
    await expect('paymentTransaction', await send(app, `${BASE}/payments/transactions/${redirect['transaction'].id}`, 'GET', parent));
    await expect('agentInvoices', await send(app, `${BASE}/agent/invoices?familyId=${family.familyId}`, 'GET', agent));
    await expect('agentRefunds', await send(app, `${BASE}/agent/refunds?all=true`, 'GET', agent));
    assert.ok(checked.size >= 23, `${checked.size} operations`);

    // A problem answer, against the Problem schema.
    const problem = await app.request(`${BASE}/family`);
    assert.equal(problem.status, 401);
    const result = compile(checkable(doc['components']['schemas']['Problem']) as JsonSchema).safeParse(await problem.json());
    assert.deepEqual(result.error?.issues ?? [], []);
  });
});

describe('the docs page', () => {
  test('is Redoc, loaded from the API’s own origin, under a CSP without inline script', async () => {
    const response = await app.request('/api/docs');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0]![2], '', 'no inline script');
    const src = /\bsrc="([^"]+)"/.exec(scripts[0]![1]!)?.[1];
    assert.equal(src, '/api/docs/redoc-2.5.4.standalone.js');
    assert.match(html, /<redoc spec-url="\/api\/openapi\.json"/);
    assert.ok(!/https?:\/\//.test(html), 'nothing from another origin');

    const script = await app.request(src);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.match(script.headers.get('cache-control') ?? '', /immutable/);
    const body = new Uint8Array(await script.arrayBuffer());
    assert.ok(body.byteLength > 500_000, `${body.byteLength} bytes`);
    assert.ok(Buffer.from(body).includes('const Hw="2.5.4"'), 'the version the URL names');

    const compressed = await app.request(src, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    assert.equal(compressed.headers.get('content-encoding'), 'gzip');
    const gzipped = new Uint8Array(await compressed.arrayBuffer());
    assert.ok(gzipped.byteLength < body.byteLength / 2);
    assert.deepEqual(new Uint8Array(gunzipSync(gzipped)), body);
  });

  test('has a plain version without any script, linked from the page for browsers without JavaScript', async () => {
    const page = await (await app.request('/api/docs')).text();
    assert.match(page, /<noscript>.*href="\/api\/docs\/plain"/);
    const response = await app.request('/api/docs/plain');
    assert.equal(response.status, 200);
    assert.doesNotMatch(response.headers.get('content-security-policy') ?? '', /script-src/);
    const html = await response.text();
    assert.ok(!html.includes('<script'));
    assert.ok(html.includes('id="op-login"'));
    // Descriptions appear, code spans rendered.
    assert.ok(html.includes('<code>transport: cookie</code>'));
  });
});
