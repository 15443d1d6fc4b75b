import { fileTypeFromBuffer } from 'file-type';
import { ProblemError } from '../http/problem.ts';
import { pdfRefusal } from './pdf-safety.ts';

/** Bytes read before deciding the type from the content (magic bytes). */
const SNIFF_BYTES = 4100;

/** Aliases some clients send for the types a tenant lists. */
const mediaTypeAliases: Readonly<Record<string, string>> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'application/x-pdf': 'application/pdf' };

export function normalizeMediaType(header: string | undefined): string {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  return mediaTypeAliases[type] ?? type;
}

/**
 * The display name from `Content-Disposition` (`filename*=UTF-8''…` preferred, else
 * `filename="…"`), reduced to a harmless label: the last path segment, no control
 * characters, at most 200 characters. It is only ever shown, never used in a path.
 */
export function displayFileName(header: string | undefined, fallback: string): string {
  let name: string | undefined;
  if (header) {
    const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
    if (extended) {
      try {
        name = decodeURIComponent(extended[1]!.trim());
      } catch {
        name = undefined;
      }
    }
    name ??= /filename\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(header)?.[1]?.replace(/\\(.)/g, '$1') ?? /filename\s*=\s*([^;\s]+)/.exec(header)?.[1];
  }
  const cleaned = (name ?? '')
    .normalize('NFC')
    .split(/[/\\]/)
    .pop()!
    // Control characters, and the bidirectional overrides used to disguise extensions.
    // eslint-disable-next-line no-control-regex -- matching control characters is its purpose
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 200);
  return cleaned || fallback;
}

export interface UploadRules {
  readonly acceptedTypes: readonly string[];
  readonly maxBytes: number;
}

export interface CheckedUpload {
  readonly contentType: string;
  /** The whole file, to be handed to the storage: the bytes already read, then the rest, counted. */
  readonly body: ReadableStream<Uint8Array>;
  /** The number of bytes that went through `body` (final once it is fully read). */
  readonly size: () => number;
}

const tooLarge = (maxBytes: number) => new ProblemError('file_too_large', { detail: `The file exceeds ${maxBytes} bytes.` });

/**
 * Checks an upload without holding it in memory:
 * 1. a declared `Content-Length` above the limit is refused before any byte is read (413);
 * 2. the declared type must be one the tenant accepts (415);
 * 3. the first bytes are read and the type they show (magic bytes, `file-type`) must be
 *    the declared one: a `.pdf` that is a PNG or an executable is refused (415);
 * 4. an empty body is refused (422 `file_empty`);
 * 5. a PDF is read whole (at most the tenant's limit, a few MB) and parsed: one that is not
 *    a readable PDF with pages, or carries active content (JavaScript, actions on opening,
 *    launch, embedded files, XFA…) or HTML markup, is refused (422 `file_active_content`);
 * then the returned stream yields the file, counting bytes as they pass, and errors with
 * `file_too_large` as soon as the count passes the limit (missing or lying Content-Length).
 */
export async function checkUpload(request: Request, rules: UploadRules): Promise<CheckedUpload> {
  const declaredLength = request.headers.get('content-length');
  if (declaredLength !== null && /^\d+$/.test(declaredLength) && Number(declaredLength) > rules.maxBytes) throw tooLarge(rules.maxBytes);
  const contentType = normalizeMediaType(request.headers.get('content-type') ?? undefined);
  if (!rules.acceptedTypes.map((t) => normalizeMediaType(t)).includes(contentType)) {
    throw new ProblemError('file_type_not_accepted', { detail: `Accepted types: ${rules.acceptedTypes.join(', ')}.` });
  }
  if (!request.body) throw new ProblemError('file_empty');

  const reader = request.body.getReader();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < SNIFF_BYTES) {
    const { done, value } = await reader.read();
    if (done) {
      ended = true;
      break;
    }
    head.push(value);
    headBytes += value.byteLength;
    if (headBytes > rules.maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(rules.maxBytes);
    }
  }
  if (headBytes === 0) throw new ProblemError('file_empty');
  const sniffed = new Uint8Array(headBytes);
  let offset = 0;
  for (const chunk of head) {
    sniffed.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const detected = await fileTypeFromBuffer(sniffed.subarray(0, Math.min(headBytes, SNIFF_BYTES * 4)));
  if (detected?.mime !== contentType) {
    await reader.cancel().catch(() => {});
    throw new ProblemError('file_type_not_accepted', { detail: `The content is not ${contentType}${detected ? ` (it looks like ${detected.mime})` : ''}.` });
  }

  if (contentType === 'application/pdf') return checkedPdf(sniffed, ended, reader, rules);

  let size = headBytes;
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (first) {
        first = false;
        controller.enqueue(sniffed);
        if (ended) controller.close();
        return;
      }
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      size += value.byteLength;
      if (size > rules.maxBytes) {
        await reader.cancel().catch(() => {});
        controller.error(tooLarge(rules.maxBytes));
        return;
      }
      controller.enqueue(value);
    },
    async cancel(reason) {
      await reader.cancel(reason).catch(() => {});
    },
  });
  return { contentType, body, size: () => size };
}

/** Step 5: the rest of a PDF read (still bounded), then parsed before anything is stored. */
async function checkedPdf(head: Uint8Array, ended: boolean, reader: ReadableStreamDefaultReader<Uint8Array>, rules: UploadRules): Promise<CheckedUpload> {
  const chunks = [head];
  let size = head.byteLength;
  while (!ended) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > rules.maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(rules.maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const refusal = await pdfRefusal(bytes);
  if (refusal)
    throw new ProblemError('file_active_content', {
      detail: `This PDF cannot be accepted: ${refusal}. Save it again as a plain PDF (print to PDF) and send it again.`,
    });
  return { contentType: 'application/pdf', body: new Blob([bytes]).stream(), size: () => size };
}
