import type { AttestationSummary, Invoice, TenantConfig } from '@famille/contract';
import { formatEuros } from '../domain/invoices.ts';
import { downloadHeaders } from '../files/documents.ts';

const frDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const statusText = { a_payer: 'À payer', en_retard: 'En retard', partiellement_reglee: 'Partiellement réglée', reglee: 'Réglée' } as const;

/** A generated PDF as a download, with the same headers as the parents' documents. */
export function pdfResponse(bytes: Uint8Array, fileName: string): Response {
  return new Response(bytes as BodyInit, { status: 200, headers: downloadHeaders('application/pdf', fileName, bytes.byteLength) });
}

const A4: [number, number] = [595.28, 841.89];

/**
 * A4 pages in French with the tenant's letterhead (name and contact). pdf-lib is imported
 * lazily: bundles split it off, and a process loads it at the first PDF only. Standard
 * fonts (WinAnsi): characters outside it are replaced, never fatal.
 */
async function tenantDocument(title: string, tenant: TenantConfig, now: Date) {
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setAuthor(tenant.name);
  doc.setCreator('Espace Famille');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const safe = (text: string) =>
    [
      ...text
        .replace(/[\u202f\u00a0]/g, ' ')
        .replace(/[’]/g, "'")
        .replace(/[—–]/g, '-'),
    ]
      .map((ch) => (font.getCharacterSet().includes(ch.codePointAt(0)!) ? ch : '?'))
      .join('');
  const pen = {
    doc,
    font,
    bold,
    page: doc.addPage(A4),
    y: 800,
    newPage() {
      pen.page = doc.addPage(A4);
      pen.y = 800;
    },
    write: (text: string, x: number, size = 10, f = font) => pen.page.drawText(safe(text), { x, y: pen.y, size, font: f, color: rgb(0.07, 0.09, 0.15) }),
    right: (text: string, xRight: number, size = 10, f = font) => pen.write(text, xRight - f.widthOfTextAtSize(safe(text), size), size, f),
  };
  pen.write(tenant.name, 50, 14, bold);
  pen.y -= 16;
  pen.write(tenant.contact.service, 50);
  pen.y -= 13;
  if (tenant.contact.address) {
    pen.write(tenant.contact.address, 50);
    pen.y -= 13;
  }
  pen.write(`Tél. ${tenant.contact.phone} - ${tenant.contact.email}`, 50);
  pen.y -= 36;
  return pen;
}

/** The invoice as a PDF (A4, French), with the tenant's name and contact. */
export async function renderInvoicePdf(invoice: Invoice, tenant: TenantConfig, familyLabel: string, now: Date): Promise<Uint8Array> {
  const pen = await tenantDocument(`Facture ${invoice.number} — ${tenant.name}`, tenant, now);
  const { bold, write, right } = pen;
  write(`Facture n° ${invoice.number}`, 50, 16, bold);
  pen.y -= 20;
  write(`Famille : ${familyLabel}`, 50);
  pen.y -= 13;
  write(`Date : ${frDate(invoice.issuedOn)}    À payer avant le : ${frDate(invoice.dueOn)}`, 50);
  pen.y -= 30;
  const header = () => {
    write('Enfant', 50, 9, bold);
    write('Activité', 160, 9, bold);
    write('Période', 330, 9, bold);
    right('Qté', 420, 9, bold);
    right('Prix unitaire', 485, 9, bold);
    right('Montant', 545, 9, bold);
    pen.y -= 14;
  };
  header();
  for (const line of invoice.lines) {
    if (pen.y < 120) {
      pen.newPage();
      header();
    }
    write(line.childLabel.slice(0, 22), 50, 9);
    write(line.activity.slice(0, 34), 160, 9);
    write(line.period.slice(0, 18), 330, 9);
    right(String(line.quantity).replace('.', ','), 420, 9);
    right(formatEuros(line.unitPriceCents), 485, 9);
    right(formatEuros(line.amountCents), 545, 9);
    pen.y -= 13;
  }
  pen.y -= 12;
  right(`Montant total : ${formatEuros(invoice.totalCents)}`, 545, 11, bold);
  pen.y -= 15;
  right(`Déjà réglé : ${formatEuros(invoice.paidCents)}`, 545, 10);
  pen.y -= 15;
  right(`Reste à payer : ${formatEuros(invoice.balanceCents)}`, 545, 11, bold);
  pen.y -= 15;
  right(statusText[invoice.status], 545, 10, bold);
  pen.y = 90;
  write('Paiement en ligne dans votre Espace Famille, ou au guichet en espèces, par chèque ou en CESU :', 50, 8);
  pen.y -= 11;
  write(`${tenant.contact.service}, ${tenant.contact.address ?? ''}`, 50, 8);
  return pen.doc.save({ useObjectStreams: false });
}

/** What the attestation PDF shows: the year's summary and, e.g. "Camille Martin", the family's parent(s). */
export type AttestationContent = AttestationSummary & { readonly parents: readonly string[] };

/**
 * The yearly "attestation de frais de garde" (A4, French): the amounts paid in the year
 * for each child under 6 on 1 January (childcare only: "hors frais de repas"), the tenant's
 * name and contact, the family, the date issued (Paris day).
 */
export async function renderAttestationPdf(content: AttestationContent, tenant: TenantConfig, issuedOn: string, now: Date): Promise<Uint8Array> {
  const pen = await tenantDocument(`Attestation de frais de garde ${content.year} — ${tenant.name}`, tenant, now);
  const { bold, write, right } = pen;
  write(`Attestation de frais de garde - année ${content.year}`, 50, 16, bold);
  pen.y -= 18;
  write("Enfants de moins de 6 ans (crédit d'impôt pour frais de garde, article 200 quater B du CGI)", 50, 9);
  pen.y -= 26;
  write(`${tenant.name} atteste que ${content.parents.join(' et ') || 'la famille'} a réglé, du 01/01/${content.year} au 31/12/${content.year},`, 50);
  pen.y -= 13;
  write('pour la garde de ses enfants, les sommes suivantes (date de paiement) :', 50);
  pen.y -= 26;
  write('Enfant', 50, 9, bold);
  write('Né(e) le', 300, 9, bold);
  right('Montant réglé', 545, 9, bold);
  pen.y -= 14;
  for (const child of content.children) {
    if (pen.y < 140) pen.newPage();
    write(child.name.slice(0, 45), 50, 10);
    write(frDate(child.birthDate), 300, 10);
    right(formatEuros(child.paidCents), 545, 10);
    pen.y -= 14;
  }
  pen.y -= 10;
  right(`Total : ${formatEuros(content.totalCents)}`, 545, 11, bold);
  pen.y -= 36;
  write(`Attestation délivrée le ${frDate(issuedOn)}, pour servir et valoir ce que de droit.`, 50);
  pen.y -= 13;
  write(`${tenant.contact.service} - ${tenant.name}`, 50);
  pen.y = 90;
  write("Montants effectivement payés dans l'année (en ligne ou au guichet), répartis entre les enfants au prorata des lignes de chaque facture.", 50, 8);
  pen.y -= 11;
  write("Hors frais de repas : seuls les frais de garde sont comptés (les frais de nourriture sont exclus du crédit d'impôt).", 50, 8);
  return pen.doc.save({ useObjectStreams: false });
}
