// Domain rules on their own: no HTTP, no database.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPassword } from '@famille/contract';
import {
  assessPassword,
  createCommonPasswordList,
  cnilPasswordPolicy,
  passwordFieldError,
  zxcvbnCommonPasswords,
  isSessionExpired,
  lockedForSeconds,
  normalizeIdentifiant,
  openSession,
  recordFailure,
  retryAfterSeconds,
  touchSession,
  type ThrottleCounter,
} from '@famille/server';

const t0 = new Date('2026-03-02T08:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const policy = { idleTtlSeconds: 1800, absoluteTtlSeconds: 12 * 3600, touchIntervalSeconds: 60 };

describe('session expiry', () => {
  test('a new session ends after 30 idle minutes or 12 hours, whichever comes first', () => {
    const times = openSession(t0, policy);
    assert.deepEqual(times.idleExpiresAt, at(1800));
    assert.deepEqual(times.expiresAt, at(12 * 3600));
    assert.equal(isSessionExpired(times, at(1799)), false);
    assert.equal(isSessionExpired(times, at(1800)), true);
  });

  test('use within the touch interval writes nothing; later use pushes the idle expiry', () => {
    const times = openSession(t0, policy);
    assert.equal(touchSession(times, at(59), policy), undefined);
    const touched = touchSession(times, at(600), policy);
    assert.deepEqual(touched?.lastSeenAt, at(600));
    assert.deepEqual(touched?.idleExpiresAt, at(2400));
  });

  test('activity never extends a session past its absolute expiry', () => {
    let times = openSession(t0, policy);
    for (let s = 1500; s < 12 * 3600; s += 1500) times = touchSession(times, at(s), policy) ?? times;
    assert.deepEqual(times.idleExpiresAt, at(12 * 3600));
    assert.equal(isSessionExpired(times, at(12 * 3600)), true);
  });
});

describe('failed-login throttle', () => {
  const rule = { maxFailures: 5, windowSeconds: 900 };
  const fail = (n: number, start: ThrottleCounter | undefined, now: Date) => {
    let counter = start;
    for (let i = 0; i < n; i++) counter = recordFailure(counter, now, rule);
    return counter;
  };

  test('locks for the window on the fifth failure, not before', () => {
    const four = fail(4, undefined, t0);
    assert.equal(lockedForSeconds(four, t0), 0);
    const five = recordFailure(four, at(10), rule);
    assert.equal(lockedForSeconds(five, at(10)), 900);
    assert.equal(lockedForSeconds(five, at(909)), 1);
    assert.equal(lockedForSeconds(five, at(910)), 0);
  });

  test('failures from an earlier window are forgotten', () => {
    const old = fail(4, undefined, t0);
    const fresh = recordFailure(old, at(901), rule);
    assert.equal(fresh.failures, 1);
    assert.deepEqual(fresh.windowEndsAt, at(1801));
  });

  test('the longest lock among several counters decides the wait', () => {
    const locked = fail(5, undefined, t0);
    assert.equal(retryAfterSeconds([undefined, locked], at(300)), 600);
    assert.equal(retryAfterSeconds([undefined], t0), 0);
  });
});

describe('password policy (CNIL 2022-100 with throttling)', () => {
  const list = createCommonPasswordList(['123456', 'password', 'azerty', 'soleil', 'camille']);
  const unmet = (password: string, policy = cnilPasswordPolicy) => assessPassword(policy, password, list).unmet;

  test('accepts 8 characters from 3 classes, the demo password and a passphrase with a capital', () => {
    assert.deepEqual(unmet('Tilleul2024'), []);
    assert.deepEqual(unmet('Famille-Demo-2026'), []);
    assert.deepEqual(unmet('Une phrase de passe très longue'), []);
  });

  test("is the contract's rule object: the server refuses exactly what the checklist shows unmet", () => {
    for (const password of ['Ab1', 'abcdefgh1', 'Tilleul2024', 'é'.repeat(129)]) {
      assert.deepEqual(
        unmet(password),
        checkPassword(cnilPasswordPolicy, password)
          .filter((c) => !c.met)
          .map((c) => c.rule),
      );
    }
    assert.deepEqual(unmet('Ab1'), [{ rule: 'min_length', minimum: 8 }]);
    assert.deepEqual(unmet('abcdefgh1'), [{ rule: 'min_classes', minimum: 3 }]);
    const vienne = { ...cnilPasswordPolicy, requiredClasses: ['lower' as const, 'digit' as const], minClasses: 2 };
    assert.deepEqual(unmet('Abcdefgh', vienne), [{ rule: 'class', class: 'digit' }]);
    assert.deepEqual(unmet('tilleul24', vienne), []);
  });

  test('a broken rule is too_weak before too_common', () => {
    assert.deepEqual(passwordFieldError(assessPassword(cnilPasswordPolicy, 'azerty', list), 'password'), { path: 'password', code: 'too_weak' });
    assert.deepEqual(passwordFieldError(assessPassword(cnilPasswordPolicy, 'Azerty123!', list), 'password'), { path: 'password', code: 'too_common' });
    assert.equal(passwordFieldError(assessPassword(cnilPasswordPolicy, 'Tilleul2024', list), 'password'), undefined);
  });

  test('common passwords are caught in any case, dressed up with trailing digits and symbols, and as trivial runs', () => {
    for (const password of ['PASSWORD', 'Azerty123!', 'Soleil2024', 'Camille-1985', 'MotDePasse1', '11111111', '01234567', 'aaaaaaaaaaaa']) {
      assert.equal(list.has(password), true, password);
    }
    for (const password of ['Tilleul2024', 'Quatre chevaux blancs galopent', 'Famille-Demo-2026', 'azertyuiop-xyz']) {
      assert.equal(list.has(password), false, password);
    }
  });

  test('the shipped list holds tens of thousands of leaked passwords, French ones included', async () => {
    const shipped = createCommonPasswordList(await zxcvbnCommonPasswords());
    assert.ok(shipped.size > 40_000, `${shipped.size} entries`);
    for (const password of ['123456', 'motdepasse', 'marseille', 'jetaime', 'Doudou2020!', 'qwerty123']) assert.equal(shipped.has(password), true, password);
    assert.equal(shipped.has('Tilleul-Orange-2026'), false);
  });
});

test('identifiants are compared case- and width-insensitively, without surrounding spaces', () => {
  assert.equal(normalizeIdentifiant(' Parent.DEMO '), 'parent.demo');
  assert.equal(normalizeIdentifiant('ｐａｒｅｎｔ'), 'parent');
});
