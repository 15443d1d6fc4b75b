import type { Invoice, TenantConfig } from '@famille/contract';
import { formatEuros } from '../domain/invoices.ts';

const frDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const statusText = { a_payer: 'À payer', en_retard: 'En retard', partiellement_reglee: 'Partiellement réglée', reglee: 'Réglée' } as const;

/**
 * The invoice as a PDF (A4, French), with the tenant's name and contact. pdf-lib is
 * imported lazily: bundles split it off, and a process loads it at the first PDF only.
 * Standard fonts (WinAnsi): characters outside it are replaced, never fatal.
 */
export async function renderInvoicePdf(invoice: Invoice, tenant: TenantConfig, familyLabel: string, now: Date): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.setTitle(`Facture ${invoice.number} — ${tenant.name}`);
  doc.setAuthor(tenant.name);
  doc.setCreator('Espace Famille');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const safe = (text: string) =>
    [...text.replace(/[\u202f\u00a0]/g, ' ').replace(/[’]/g, "'").replace(/[—–]/g, '-')].map((ch) => (font.getCharacterSet().includes(ch.codePointAt(0)!) ? ch : '?')).join('');
  let page = doc.addPage([595.28, 841.89]);
  let y = 800;
  const write = (text: string, x: number, size = 10, f = font) => page.drawText(safe(text), { x, y, size, font: f, color: rgb(0.07, 0.09, 0.15) });
  const right = (text: string, xRight: number, size = 10, f = font) => write(text, xRight - f.widthOfTextAtSize(safe(text), size), size, f);

  write(tenant.name, 50, 14, bold);
  y -= 16;
  write(tenant.contact.service, 50);
  y -= 13;
  if (tenant.contact.address) {
    write(tenant.contact.address, 50);
    y -= 13;
  }
  write(`Tél. ${tenant.contact.phone} - ${tenant.contact.email}`, 50);
  y -= 36;
  write(`Facture n° ${invoice.number}`, 50, 16, bold);
  y -= 20;
  write(`Famille : ${familyLabel}`, 50);
  y -= 13;
  write(`Date : ${frDate(invoice.issuedOn)}    À payer avant le : ${frDate(invoice.dueOn)}`, 50);
  y -= 30;
  const header = () => {
    write('Enfant', 50, 9, bold);
    write('Activité', 160, 9, bold);
    write('Période', 330, 9, bold);
    right('Qté', 420, 9, bold);
    right('Prix unitaire', 485, 9, bold);
    right('Montant', 545, 9, bold);
    y -= 14;
  };
  header();
  for (const line of invoice.lines) {
    if (y < 120) {
      page = doc.addPage([595.28, 841.89]);
      y = 800;
      header();
    }
    write(line.childLabel.slice(0, 22), 50, 9);
    write(line.activity.slice(0, 34), 160, 9);
    write(line.period.slice(0, 18), 330, 9);
    right(String(line.quantity).replace('.', ','), 420, 9);
    right(formatEuros(line.unitPriceCents), 485, 9);
    right(formatEuros(line.amountCents), 545, 9);
    y -= 13;
  }
  y -= 12;
  right(`Montant total : ${formatEuros(invoice.totalCents)}`, 545, 11, bold);
  y -= 15;
  right(`Déjà réglé : ${formatEuros(invoice.paidCents)}`, 545, 10);
  y -= 15;
  right(`Reste à payer : ${formatEuros(invoice.balanceCents)}`, 545, 11, bold);
  y -= 15;
  right(statusText[invoice.status], 545, 10, bold);
  y = 90;
  write('Paiement en ligne dans votre Espace Famille, ou au guichet en espèces, par chèque ou en CESU :', 50, 8);
  y -= 11;
  write(`${tenant.contact.service}, ${tenant.contact.address ?? ''}`, 50, 8);
  return doc.save({ useObjectStreams: false });
}
