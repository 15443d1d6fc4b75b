import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';

/**
 * Keys of a PDF that run or carry something when the file is opened: JavaScript, actions
 * on opening or on events, launching programs, embedded or remote files, forms that submit
 * or import, XFA forms, rich media. An agent opens the parents' documents in a PDF reader:
 * none of this belongs in an extrait de naissance or a justificatif de domicile.
 */
const activeKeys = new Set(['JS', 'JavaScript', 'OpenAction', 'AA', 'Launch', 'EmbeddedFiles', 'EF', 'XFA', 'RichMediaContent']);
/**
 * Values of `/S` (action types), `/Type` and `/Subtype` with the same effect, wherever they
 * sit. Links to web pages (`/URI`) stay: utility bills carry them.
 */
const activeValues = new Set([
  'JavaScript',
  'Launch',
  'SubmitForm',
  'ImportData',
  'GoToR',
  'GoToE',
  'RichMediaExecute',
  'Rendition',
  'EmbeddedFile',
  'FileAttachment',
  'RichMedia',
  'Screen',
  'Movie',
  'Sound',
]);
const typedKeys = ['S', 'Type', 'Subtype'].map((key) => PDFName.of(key));
/** HTML in clear in a "PDF": a polyglot a browser could render as a page. */
const markup = /<\s*(script|html|body|iframe|svg|object|embed)\b/i;

/**
 * Why a PDF is refused, or `undefined` when it parses as a PDF with pages and carries no
 * active content. Checks the whole object graph (every indirect object and what it holds),
 * not a text search of the bytes, which compressed or encoded names would slip past.
 */
export async function pdfRefusal(bytes: Uint8Array): Promise<string | undefined> {
  if (markup.test(new TextDecoder('latin1').decode(bytes))) return 'HTML markup inside the file';
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
    if (pdf.getPageCount() === 0) return 'a PDF without pages';
  } catch {
    return 'not a readable PDF';
  }
  const seen = new Set<PDFObject>();
  const visit = (object: PDFObject | undefined): string | undefined => {
    if (!object || seen.has(object)) return undefined;
    seen.add(object);
    if (object instanceof PDFRef) return visit(pdf.context.lookup(object));
    if (object instanceof PDFStream) return visit(object.dict);
    if (object instanceof PDFArray) {
      for (let i = 0; i < object.size(); i++) {
        const found = visit(object.get(i));
        if (found) return found;
      }
      return undefined;
    }
    if (object instanceof PDFDict) {
      for (const key of typedKeys) {
        const value = object.get(key);
        if (value instanceof PDFName && activeValues.has(value.decodeText())) return `/${key.decodeText()} /${value.decodeText()}`;
      }
      for (const [key, value] of object.entries()) {
        if (activeKeys.has(key.decodeText())) return `/${key.decodeText()}`;
        const found = visit(value);
        if (found) return found;
      }
    }
    return undefined;
  };
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    const found = visit(object);
    if (found) return found;
  }
  return visit(pdf.context.trailerInfo.Root);
}
