// The invoice lists kept per process (packages/server/src/invoices/list-cache.ts): what
// makes one current, and the memory it may take.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvoiceListCache } from '../../../packages/server/src/invoices/list-cache.ts';

const list = (text: string, version = 1, validUntil = Infinity) => ({ version, today: '2026-03-02', validUntil, body: new TextEncoder().encode(text) });
const textOf = (body: Uint8Array | undefined) => body && new TextDecoder().decode(body);

test('a list is served for its version, its day and before its payment under way expires only', () => {
  const cache = new InvoiceListCache();
  cache.set('t', 'f', list('{"a":1}', 3, 1_000));
  assert.equal(textOf(cache.get('t', 'f', 3, '2026-03-02', 999)), '{"a":1}');
  assert.equal(cache.get('t', 'f', 4, '2026-03-02', 999), undefined, 'another version');
  assert.equal(cache.get('t', 'f', 3, '2026-03-03', 999), undefined, 'another day');
  assert.equal(cache.get('t', 'f', 3, '2026-03-02', 1_000), undefined, 'the payment under way has expired');
  assert.equal(cache.get('u', 'f', 3, '2026-03-02', 999), undefined, 'another tenant');
});

test('at most so many families and so many bytes; the least recently answered go first', () => {
  const cache = new InvoiceListCache({ entries: 2, bytes: 10 });
  cache.set('t', 'a', list('aaaa'));
  cache.set('t', 'b', list('bbbb'));
  assert.equal(textOf(cache.get('t', 'a', 1, '2026-03-02', 0)), 'aaaa'); // a answered last: b goes first
  cache.set('t', 'c', list('cccc'));
  assert.equal(cache.size, 2);
  assert.equal(cache.get('t', 'b', 1, '2026-03-02', 0), undefined);
  // 4 + 4 + 6 bytes > 10: the oldest goes, though there is room for a second family.
  cache.set('t', 'd', list('dddddd'));
  assert.deepEqual(
    ['a', 'c', 'd'].map((f) => textOf(cache.get('t', f, 1, '2026-03-02', 0))),
    [undefined, 'cccc', 'dddddd'],
  );
  // A list larger than the whole budget is not kept, and takes nothing else's place.
  // Counted in bytes, not characters: 6 characters, 12 bytes.
  cache.set('t', 'e', list('éééééé'));
  assert.equal(cache.get('t', 'e', 1, '2026-03-02', 0), undefined);
  assert.equal(cache.size, 2);
});
