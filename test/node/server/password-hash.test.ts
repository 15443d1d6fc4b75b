// Both scrypt hashers write and read the same format.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { constantTimeEqual, createPortableScryptHasher, parseScryptHash } from '@famille/server';
import { createNodeScryptHasher } from '@famille/server/node';

const params = { N: 2 ** 10, r: 8, p: 1 };
const portable = createPortableScryptHasher({ params });
const native = createNodeScryptHasher({ params });

describe('scrypt password hashes', () => {
  test('are written as scrypt$N$r$p$salt$hash with a fresh salt each time', async () => {
    const a = await portable.hash('Famille-Demo-2026');
    const b = await portable.hash('Famille-Demo-2026');
    assert.match(a, /^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    assert.notEqual(a, b);
  });

  test('made by node:crypto verify with the portable hasher, and the other way round', async () => {
    assert.equal(await portable.verify(await native.hash('Père Noël 2026!'), 'Père Noël 2026!'), true);
    assert.equal(await native.verify(await portable.hash('Père Noël 2026!'), 'Père Noël 2026!'), true);
  });

  test('refuse a wrong password', async () => {
    const hash = await native.hash('Famille-Demo-2026');
    assert.equal(await native.verify(hash, 'Famille-Demo-2027'), false);
    assert.equal(await portable.verify(hash, 'famille-demo-2026'), false);
  });

  test('keep their own cost: a hash made at another cost still verifies', async () => {
    const cheap = await createNodeScryptHasher({ params: { N: 2 ** 8, r: 4, p: 1 } }).hash('pw');
    assert.deepEqual(parseScryptHash(cheap)?.params, { N: 256, r: 4, p: 1 });
    assert.equal(await native.verify(cheap, 'pw'), true);
  });

  test('match a password typed in decomposed Unicode (macOS) against the composed one', async () => {
    const hash = await native.hash('Clémentine-2026');
    assert.equal(await portable.verify(hash, 'Cle\u0301mentine-2026'), true);
  });

  test('unreadable or absurdly costly stored hashes verify as false instead of throwing', async () => {
    for (const bad of [
      '',
      'plain',
      'scrypt$1000$8$1$c2FsdHNhbHQ$a2V5',
      'scrypt$1073741824$8$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5',
      'argon2id$v=19$m=1$x$y',
    ]) {
      assert.equal(await native.verify(bad, 'x'), false, bad);
      assert.equal(await portable.verify(bad, 'x'), false, bad);
    }
  });
});

test('constant-time comparison tells equal from different arrays', () => {
  assert.equal(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3])), true);
  assert.equal(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4])), false);
  assert.equal(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3])), false);
});
