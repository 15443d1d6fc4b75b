// The SDK's invoices and the agent's billing calls against the server's own app, through
// an injected fetch (no network).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { agent, family, invoices, isApiError } from '@famille/sdk';
import { startDemoApp, type DemoApp } from './support/demo-app.ts';

let app: DemoApp;

before(async () => {
  app = await startDemoApp();
});
after(() => app?.close());

describe('SDK: invoices against the reference app', () => {
  test('an agent issues an invoice, the parent reads it and its PDF, the counter settles it, the history shows it', async () => {
    const parent = await app.parent();
    const { member, request } = await family(parent).addMember({ role: 'enfant', nomUsage: 'Martin', prenoms: 'Léo', dateNaissance: '2024-02-03' });

    const office = await app.agent();
    const familyId = (await agent(office).request(request.id)).family.id;
    // Validated by the service: only such a child is billed.
    await agent(office).setRequestStatus(request.id, { status: 'validee' });
    const issued = await agent(office).issueInvoice({
      familyId,
      issuedOn: '2026-11-15',
      dueOn: '2026-12-15',
      lines: [
        {
          childId: member.id,
          childLabel: 'Léo Martin',
          activity: 'Multi-accueil — accueil régulier',
          period: 'Novembre 2026',
          quantity: 42.5,
          unitPriceCents: 137,
        },
      ],
    });
    assert.equal(issued.totalCents, 5823, '42.5 × 1.37 € = 58.225 €, rounded half up once');

    const list = await invoices(parent).list();
    assert.deepEqual(
      list.invoices.map((i) => i.number),
      [issued.number],
    );
    assert.equal(list.balanceDueCents, 5823);
    const pdf = await invoices(parent).pdf(issued.id);
    assert.equal(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5)), '%PDF-');

    await agent(office).recordPayment({ familyId, method: 'cheque', amountCents: 5823, invoiceIds: [issued.id], reference: 'Chèque 0001234' });
    const paid = await invoices(parent).get(issued.id);
    assert.equal(paid.status, 'reglee');
    assert.equal(paid.balanceCents, 0);
    const { payments } = await invoices(parent).payments();
    assert.equal(payments.length, 1);
    assert.equal(payments[0]!.amountCents, 5823);
  });

  test('paying an invoice already settled is refused with its stable code', async () => {
    const parent = await app.parent();
    const [settled] = (await invoices(parent).list()).invoices;
    const error = await invoices(parent)
      .pay([settled!.id])
      .catch((e: unknown) => e);
    assert.ok(isApiError(error));
    assert.equal(error.code, 'invoice_already_paid');
  });

  test("an agent finds the family's invoices, sees an overpayment to refund, records its refund once", async () => {
    const parent = await app.parent();
    const office = await app.agent();
    // The family of the invoice the first test issued, found by its number.
    const [mine] = (await invoices(parent).list()).invoices;
    const {
      invoices: [first],
    } = await agent(office).invoices({ number: mine!.number });
    const familyId = first!.family.id;
    assert.deepEqual([first!.invoice.id, first!.family.label], [mine!.id, 'Camille Martin']);
    const issued = await agent(office).issueInvoice({
      familyId,
      issuedOn: '2026-11-20',
      dueOn: '2026-12-20',
      lines: [{ childLabel: 'Léo Martin', activity: 'Restauration scolaire', period: 'Novembre 2026', quantity: 10, unitPriceCents: 400 }],
    });
    const found = await agent(office).invoices({ familyId, number: issued.number });
    assert.deepEqual([found.invoices.map((i) => i.invoice.id), found.nextOffset], [[issued.id], undefined]);
    assert.ok((await agent(office).invoices({ familyId, status: 'a_payer' })).invoices.some((i) => i.invoice.id === issued.id));

    // The parent starts paying online; the invoice is settled at the counter meanwhile; the card payment goes through anyway.
    const { transaction, redirectUrl } = await invoices(parent).pay([issued.id]);
    await agent(office).recordPayment({ familyId, method: 'especes', amountCents: 4000, invoiceIds: [issued.id] });
    await app.fetch(redirectUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'card=paid&action=pay' });

    const { refunds } = await agent(office).refunds();
    const refund = refunds.find((r) => r.transaction?.id === transaction.id)!;
    assert.deepEqual([refund.status, refund.payment.amountCents, refund.payment.overpaidCents, refund.family.id], ['a_rembourser', 4000, 4000, familyId]);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
    const done = await agent(office).markRefunded(refund.payment.id, { reference: 'DGFIP-2026-000123', refundedOn: today });
    assert.deepEqual([done.status, done.refund?.reference, done.refund?.refundedOn], ['rembourse', 'DGFIP-2026-000123', today]);
    assert.ok(!(await agent(office).refunds()).refunds.some((r) => r.payment.id === refund.payment.id));
    assert.ok((await agent(office).refunds({ all: true })).refunds.some((r) => r.payment.id === refund.payment.id));

    const again = await agent(office)
      .markRefunded(refund.payment.id, { reference: 'DGFIP-2026-000124', refundedOn: today })
      .catch((e: unknown) => e);
    assert.ok(isApiError(again));
    assert.equal(again.code, 'conflict');
    const invalid = await agent(office)
      .invoices({ limit: 500 })
      .catch((e: unknown) => e);
    assert.ok(isApiError(invalid));
    assert.deepEqual([invalid.code, invalid.fieldErrors?.map((e) => e.path)], ['validation_failed', ['limit']]);
  });

  test('attestations, the attestation PDF and the per-child choice of electronic invoices', async () => {
    const parent = await app.parent();
    const { children } = await invoices(parent).preferences();
    const leo = children.find((c) => c.name === 'Léo Martin')!;
    assert.equal(leo.electronicInvoice, false);
    const after = await invoices(parent).setPreference(leo.childId, true);
    assert.equal(after.children.find((c) => c.childId === leo.childId)!.electronicInvoice, true);

    // The cheque of the first test paid Léo's invoice this year (born 2024: under 6).
    const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()));
    const { attestations } = await invoices(parent).attestations();
    assert.deepEqual(
      attestations.map((a) => [a.year, a.totalCents]),
      [[year, 5823]],
    );
    assert.deepEqual(
      attestations[0]!.children.map((c) => [c.childId, c.paidCents]),
      [[leo.childId, 5823]],
    );
    const pdf = await invoices(parent).attestationPdf(year);
    assert.equal(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5)), '%PDF-');
    const error = await invoices(parent)
      .attestationPdf(1999)
      .catch((e: unknown) => e);
    assert.ok(isApiError(error));
    assert.equal(error.code, 'validation_failed');
    const wrong = await invoices(parent)
      .setPreference(crypto.randomUUID(), true)
      .catch((e: unknown) => e);
    assert.ok(isApiError(wrong));
    assert.deepEqual(wrong.fieldErrors, [{ path: 'childId', code: 'unknown_reference' }]);
  });
});
