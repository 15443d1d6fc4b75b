// Domain rules on their own: no HTTP, no database.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkPasswordPolicy,
  cnilPasswordPolicy,
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
  test('accepts 8 characters from 3 classes, and the demo password', () => {
    assert.deepEqual(checkPasswordPolicy(cnilPasswordPolicy, 'Tilleul2024'), []);
    assert.deepEqual(checkPasswordPolicy(cnilPasswordPolicy, 'Famille-Demo-2026'), []);
    assert.deepEqual(checkPasswordPolicy(cnilPasswordPolicy, 'une phrase de passe très longue, 42'), []);
  });

  test('names each broken rule', () => {
    assert.deepEqual(checkPasswordPolicy(cnilPasswordPolicy, 'Ab1'), [{ rule: 'too_short', minimum: 8 }]);
    assert.deepEqual(checkPasswordPolicy(cnilPasswordPolicy, 'abcdefgh1'), [{ rule: 'too_few_classes', minimum: 3 }]);
    const tenantRule = { ...cnilPasswordPolicy, requiredClasses: ['digit' as const], minClasses: 0 };
    assert.deepEqual(checkPasswordPolicy(tenantRule, 'Abcdefgh'), [{ rule: 'missing_class', class: 'digit' }]);
  });

  test('rejects common passwords even dressed up with digits and symbols', () => {
    assert.ok(checkPasswordPolicy(cnilPasswordPolicy, 'Azerty123!').some((v) => v.rule === 'common'));
    assert.ok(checkPasswordPolicy(cnilPasswordPolicy, 'MotDePasse1').some((v) => v.rule === 'common'));
    assert.ok(checkPasswordPolicy(cnilPasswordPolicy, 'Soleil2024').some((v) => v.rule === 'common'));
  });
});

test('identifiants are compared case- and width-insensitively, without surrounding spaces', () => {
  assert.equal(normalizeIdentifiant(' Parent.DEMO '), 'parent.demo');
  assert.equal(normalizeIdentifiant('ｐａｒｅｎｔ'), 'parent');
});
