// Uploads: size, declared type, magic bytes, empty files, names, streaming and memory.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'drizzle-orm';
import { DocumentInfo } from '@famille/contract';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { createApp, createMemoryFileStorage, createTenantRegistry, displayFileName, type Tenant } from '@famille/server';
import { createDiskFileStorage } from '@famille/server/node';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { BASE, testApp, type TestApp } from './support/app.ts';
import { problemCode } from './support/accounts.ts';
import { files, newFamily, send, upload, uploadInit, type Auth } from './support/family.ts';

let database: TestDatabase;
let app: TestApp;
let parent: Auth;
let filesDir: string;
const storage = createMemoryFileStorage();
const MAX = 5 * 1024 * 1024;

before(async () => {
  database = await openTestDatabase();
  filesDir = mkdtempSync(join(tmpdir(), 'famille-files-'));
  ({ app } = await testApp(database.db, { deps: { files: storage } }));
  parent = (await newFamily(app)).auth;
});
after(async () => {
  rmSync(filesDir, { recursive: true, force: true });
  await database?.close();
});

/** A body that counts what the server pulled: `size` bytes of a PDF, `chunk` at a time. */
function countingBody(size: number, chunk = 64 * 1024, head = files.pdf()) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close();
      const n = Math.min(chunk, size - sent);
      const bytes = new Uint8Array(n);
      if (sent === 0) bytes.set(head.subarray(0, Math.min(head.length, n)));
      sent += n;
      controller.enqueue(bytes);
    },
  });
  return { stream, pulled: () => sent };
}

describe('refused uploads', () => {
  test('a declared Content-Length above the limit is refused (413) before the body is read', async () => {
    const body = countingBody(MAX + 1024 * 1024);
    const response = await app.request(
      `${BASE}/documents`,
      uploadInit(parent, body.stream, 'application/pdf', 'big.pdf', { 'content-length': String(MAX + 1024 * 1024) }),
    );
    assert.equal(response.status, 413);
    assert.equal(await problemCode(response), 'file_too_large');
    assert.ok(body.pulled() <= 128 * 1024, `pulled ${body.pulled()} bytes`);
  });

  test('without Content-Length, bytes are counted while streaming: refused (413) once past the limit, nothing stored', async () => {
    const before = storage.size;
    const body = countingBody(MAX + 3 * 1024 * 1024);
    const response = await app.request(`${BASE}/documents`, uploadInit(parent, body.stream, 'application/pdf', 'long.pdf'));
    assert.equal(response.status, 413);
    assert.equal(await problemCode(response), 'file_too_large');
    assert.ok(body.pulled() < MAX + 3 * 1024 * 1024, 'stopped reading before the end');
    assert.equal(storage.size, before, 'no partial file left');
    const rows = (await database.db.execute(sql`select count(*)::int as n from documents where file_name = 'long.pdf'`)) as unknown as {
      rows: { n: number }[];
    };
    assert.equal(rows.rows[0]!.n, 0);
  });

  test('a .pdf whose bytes are a PNG is refused (415)', async () => {
    const response = await app.request(`${BASE}/documents`, uploadInit(parent, files.png() as BodyInit, 'application/pdf', 'photo.pdf'));
    assert.equal(response.status, 415);
    assert.equal(await problemCode(response), 'file_type_not_accepted');
  });

  test('a .pdf whose bytes are a Windows executable is refused (415)', async () => {
    const response = await app.request(`${BASE}/documents`, uploadInit(parent, files.exe() as BodyInit, 'application/pdf', 'facture.pdf'));
    assert.equal(response.status, 415);
    assert.equal(await problemCode(response), 'file_type_not_accepted');
  });

  test('text that claims to be a PDF, and a type the tenant does not accept, are refused (415)', async () => {
    const text = await app.request(
      `${BASE}/documents`,
      uploadInit(parent, new TextEncoder().encode('<script>alert(1)</script>') as BodyInit, 'application/pdf'),
    );
    assert.equal(text.status, 415);
    const html = await app.request(`${BASE}/documents`, uploadInit(parent, files.pdf() as BodyInit, 'text/html', 'page.html'));
    assert.equal(html.status, 415);
    assert.equal(await problemCode(html), 'file_type_not_accepted');
  });

  test('an empty file is refused (422 file_empty)', async () => {
    const response = await app.request(`${BASE}/documents`, uploadInit(parent, new Uint8Array(0) as BodyInit, 'application/pdf', 'vide.pdf'));
    assert.equal(response.status, 422);
    assert.equal(await problemCode(response), 'file_empty');
  });

  test('an anonymous upload is refused (401) without reading the body', async () => {
    const body = countingBody(1024 * 1024);
    const response = await app.request(`${BASE}/documents`, uploadInit({}, body.stream, 'application/pdf'));
    assert.equal(response.status, 401);
    assert.ok(body.pulled() <= 128 * 1024);
  });
});

describe('accepted uploads', () => {
  test('a PDF and a PNG are stored; the download streams the bytes back with the stored type, attachment and nosniff', async () => {
    const pdf = await upload(app, parent, files.pdf(), 'application/pdf', 'Acte de naissance é.pdf');
    assert.equal(pdf.fileName, 'Acte de naissance é.pdf');
    assert.equal(pdf.size, files.pdf().length);
    const response = await send(app, `${BASE}/documents/${pdf.id}`, 'GET', parent);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.match(
      response.headers.get('content-disposition') ?? '',
      /^attachment; filename="Acte de naissance e\.pdf"; filename\*=UTF-8''Acte%20de%20naissance%20%C3%A9\.pdf$/,
    );
    assert.deepEqual(new Uint8Array(await response.arrayBuffer()), files.pdf());
    const png = await upload(app, parent, files.png(), 'image/png', 'photo.png');
    assert.equal(png.contentType, 'image/png');
  });

  test('a name with ../ is kept only as a harmless label; the file lands under a generated name', async () => {
    const disk = createDiskFileStorage(filesDir);
    const { app: diskApp } = await testApp(database.db, { deps: { files: disk } });
    const doc = await upload(diskApp, parent, files.pdf(), 'application/pdf', '../../../etc/passwd.pdf');
    assert.equal(doc.fileName, 'passwd.pdf');
    const stored = readdirSync(filesDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    assert.equal(stored.length, 1);
    assert.match(stored[0]!.name, /^[0-9a-f-]{36}$/);
    assert.ok(stored[0]!.parentPath.startsWith(filesDir));
    assert.deepEqual(new Uint8Array(readFileSync(join(stored[0]!.parentPath, stored[0]!.name))), files.pdf());
    assert.equal(displayFileName(`attachment; filename="..\\\\..\\\\win.ini"`, 'x'), 'win.ini');
    assert.equal(displayFileName(`attachment; filename*=UTF-8''%2e%2e%2f%2e%2e%2f`, 'document'), 'document');
    assert.equal(displayFileName(`attachment; filename*=UTF-8''facture%E2%80%AEfdp.exe`, 'x'), 'facturefdp.exe');
  });

  test('a 10 MB image (tenant limit raised) does not raise the memory by 10 MB: it is streamed to disk', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const { deps } = await testApp(database.db, { seed: false });
    const big: Tenant[] = deps.tenants.list().map((t) => ({ ...t, config: { ...t.config, uploads: { ...t.config.uploads, maxBytes: 20 * 1024 * 1024 } } }));
    const bigApp = createApp({ ...deps, tenants: createTenantRegistry(big), files: createDiskFileStorage(filesDir) });
    const size = 10 * 1024 * 1024;
    // An image: a PDF is read whole to be parsed (see the tests of active content below).
    const body = countingBody(size, 64 * 1024, files.png());
    // Sample the live memory (after a full GC) while the upload runs, at each MB pulled.
    const samples: number[] = [];
    const used = () => {
      gc();
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const baseline = used();
    let nextSample = 1024 * 1024;
    const sampled = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const reader = ((sampled as unknown as { r?: ReadableStreamDefaultReader<Uint8Array> }).r ??= body.stream.getReader());
        const { done, value } = await reader.read();
        if (done) return controller.close();
        if (body.pulled() >= nextSample) {
          samples.push(used() - baseline);
          nextSample += 1024 * 1024;
        }
        controller.enqueue(value);
      },
    });
    const response = await bigApp.request(`${BASE}/documents`, uploadInit(parent, sampled, 'image/png', 'gros.png'));
    assert.equal(response.status, 201, await response.clone().text());
    const doc = DocumentInfo.parse(await response.json());
    assert.equal(doc.size, size);
    assert.ok(samples.length >= 9);
    const peak = Math.max(...samples);
    assert.ok(peak < 4 * 1024 * 1024, `live memory rose by ${(peak / 1024 / 1024).toFixed(1)} MB during the upload`);
  });
});

describe('PDFs with active content', () => {
  /** A one-page PDF made by pdf-lib, changed by `edit` before it is saved. */
  async function pdfWith(edit: (pdf: PDFDocument) => void | Promise<void>): Promise<Uint8Array> {
    const pdf = await PDFDocument.create();
    pdf.addPage([200, 100]);
    await edit(pdf);
    return pdf.save({ useObjectStreams: false });
  }
  const refused = async (bytes: Uint8Array) => {
    const response = await app.request(`${BASE}/documents`, uploadInit(parent, bytes as BodyInit, 'application/pdf', 'piece.pdf'));
    return { status: response.status, code: await problemCode(response) };
  };

  test('a plain PDF made by a PDF library is accepted', async () => {
    assert.equal((await upload(app, parent, await pdfWith(() => undefined))).contentType, 'application/pdf');
  });

  test('JavaScript, an OpenAction, an embedded file and an HTML/PDF polyglot are refused (422 file_active_content), nothing stored', async () => {
    const before = (await database.db.execute(sql`select count(*)::int as n from documents`)) as unknown as { rows: { n: number }[] };
    const samples: Record<string, Uint8Array> = {
      javascript: await pdfWith((pdf) => pdf.addJavaScript('hello', 'app.alert("pwned")')),
      openAction: await pdfWith((pdf) => {
        const action = pdf.context.obj({ Type: 'Action', S: 'URI', URI: PDFString.of('https://evil.example') });
        pdf.catalog.set(PDFName.of('OpenAction'), pdf.context.register(action));
      }),
      embeddedFile: await pdfWith((pdf) => pdf.attach(new TextEncoder().encode('MZ…'), 'facture.exe', { mimeType: 'application/octet-stream' })),
      polyglot: new TextEncoder().encode('%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n'),
      launch: await pdfWith((pdf) => {
        const page = pdf.getPage(0).node;
        page.set(PDFName.of('AA'), pdf.context.obj({ O: { S: 'Launch', F: PDFString.of('cmd.exe') } }));
      }),
    };
    for (const [name, bytes] of Object.entries(samples)) assert.deepEqual(await refused(bytes), { status: 422, code: 'file_active_content' }, name);
    const afterCount = (await database.db.execute(sql`select count(*)::int as n from documents`)) as unknown as { rows: { n: number }[] };
    assert.equal(afterCount.rows[0]!.n, before.rows[0]!.n, 'nothing stored');
  });
});
