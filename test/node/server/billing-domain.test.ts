// Invoice and payment rules as plain functions: integer cents, no HTTP.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { allocatePayment, checkRefund, formatInvoiceNumber, invoiceStatus, lineAmountCents } from '@famille/server';

describe('lineAmountCents', () => {
  test('multiplies in integers and rounds half up once per line', () => {
    assert.equal(lineAmountCents(42.5, 137), 5823); // 5822.5 → 5823
    assert.equal(lineAmountCents(0.1, 3), 0); // 0.3 → 0
    assert.equal(lineAmountCents(0.5, 1), 1); // 0.5 → 1
    assert.equal(lineAmountCents(3, 333), 999);
    assert.equal(lineAmountCents(0.07, 10_000), 700, 'no float drift: 0.07 × 100 is 7.000000000000001');
    assert.equal(lineAmountCents(10_000, 100_000_000), 1_000_000_000_000);
  });
  test('refuses a quantity with more than two decimals', () => {
    assert.equal(lineAmountCents(1.005, 100), undefined);
    assert.equal(lineAmountCents(1 / 3, 100), undefined);
  });
});

describe('allocatePayment', () => {
  test('fills the invoices in order, to the cent, and the parts add up to the amount', () => {
    const invoices = [
      { id: 'a', balanceCents: 1001 },
      { id: 'b', balanceCents: 2002 },
      { id: 'c', balanceCents: 3 },
    ];
    assert.deepEqual(allocatePayment(3006, invoices), {
      allocations: [
        { invoiceId: 'a', amountCents: 1001 },
        { invoiceId: 'b', amountCents: 2002 },
        { invoiceId: 'c', amountCents: 3 },
      ],
      surplusCents: 0,
    });
    assert.deepEqual(allocatePayment(1500, invoices), {
      allocations: [
        { invoiceId: 'a', amountCents: 1001 },
        { invoiceId: 'b', amountCents: 499 },
      ],
      surplusCents: 0,
    });
    for (let amount = 0; amount <= 3100; amount += 7) {
      const { allocations, surplusCents } = allocatePayment(amount, invoices);
      assert.equal(allocations.reduce((s, a) => s + a.amountCents, 0) + surplusCents, amount);
      assert.ok(allocations.every((a) => Number.isInteger(a.amountCents) && a.amountCents > 0));
    }
  });
  test('what no balance takes is the surplus to refund; a paid invoice takes nothing', () => {
    assert.deepEqual(
      allocatePayment(1000, [
        { id: 'a', balanceCents: 0 },
        { id: 'b', balanceCents: 400 },
      ]),
      { allocations: [{ invoiceId: 'b', amountCents: 400 }], surplusCents: 600 },
    );
  });
  test('refuses amounts that are not whole cents', () => {
    assert.throws(() => allocatePayment(10.5, []), RangeError);
    assert.throws(() => allocatePayment(-1, []), RangeError);
  });
});

describe('invoiceStatus and numbers', () => {
  test('réglée, en retard (even partly paid), partiellement réglée, à payer', () => {
    assert.equal(invoiceStatus({ totalCents: 100, paidCents: 100, dueOn: '2026-01-01' }, '2026-03-02'), 'reglee');
    assert.equal(invoiceStatus({ totalCents: 100, paidCents: 50, dueOn: '2026-03-01' }, '2026-03-02'), 'en_retard');
    assert.equal(invoiceStatus({ totalCents: 100, paidCents: 50, dueOn: '2026-03-02' }, '2026-03-02'), 'partiellement_reglee');
    assert.equal(invoiceStatus({ totalCents: 100, paidCents: 0, dueOn: '2026-03-02' }, '2026-03-02'), 'a_payer');
  });
  test('formats the tenant’s number pattern', () => {
    assert.equal(formatInvoiceNumber('F{YYYY}-{SEQ:5}', 42, '2026-10-15'), 'F2026-00042');
    assert.equal(formatInvoiceNumber('PE{YYYY}{MM}{SEQ}', 7, '2026-10-15'), 'PE2026107');
  });
});

describe('checkRefund', () => {
  const overpaid = { overpaidCents: 1500, refunded: false, receivedOn: '2026-03-02' };
  test('allows a refund of an overpaid payment dated from the day it was received to today', () => {
    assert.deepEqual(checkRefund(overpaid, '2026-03-02', '2026-03-10'), { ok: true });
    assert.deepEqual(checkRefund(overpaid, '2026-03-10', '2026-03-10'), { ok: true });
  });
  test('refuses, as a conflict, a payment with nothing overpaid or one already refunded — before looking at the date', () => {
    const nothing = checkRefund({ ...overpaid, overpaidCents: 0 }, '1999-01-01', '2026-03-10');
    const twice = checkRefund({ ...overpaid, refunded: true }, '2026-03-05', '2026-03-10');
    assert.deepEqual([nothing.ok, !nothing.ok && nothing.problem, twice.ok, !twice.ok && twice.problem], [false, 'conflict', false, 'conflict']);
  });
  test('refuses a day before the payment or after today, with the bound in the field error', () => {
    assert.deepEqual(checkRefund(overpaid, '2026-03-01', '2026-03-10'), {
      ok: false,
      problem: 'validation_failed',
      fieldErrors: [{ path: 'refundedOn', code: 'too_small', params: { minimum: '2026-03-02' } }],
    });
    assert.deepEqual(checkRefund(overpaid, '2026-03-11', '2026-03-10'), {
      ok: false,
      problem: 'validation_failed',
      fieldErrors: [{ path: 'refundedOn', code: 'too_large', params: { maximum: '2026-03-10' } }],
    });
  });
});
