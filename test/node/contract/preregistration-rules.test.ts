// The pre-registration rules shared by the server and <famille-preregistration>.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ageMismatch, documentRequired, monthsBetween, startDateProblem } from '@famille/contract';
import type { Member } from '@famille/contract';
import * as serverRules from '../../../packages/server/src/domain/preregistration.ts';
import { vienneCondrieuPreregistration } from '../../../packages/server/src/tenants/demo-preregistration.ts';
import { validateStep } from '../../../packages/elements/src/preregistration/validation.ts';
import { choiceRow, emptyValues, Step } from '../../../packages/elements/src/preregistration/state.ts';
import { parisDate } from '@famille/contract';
import { typedDate } from '../../../packages/elements/src/form/dates.ts';

describe('pre-registration rules (contract)', () => {
  test('monthsBetween counts whole months, both ways', () => {
    assert.equal(monthsBetween('2024-03-15', '2026-09-15'), 30);
    assert.equal(monthsBetween('2024-03-15', '2026-09-14'), 29);
    assert.equal(monthsBetween('2024-01-31', '2024-02-29'), 0);
    assert.equal(monthsBetween('2026-09-15', '2024-03-15'), -30);
    assert.equal(monthsBetween('2026-09-14', '2024-03-15'), -29);
  });

  test('startDateProblem: required, after today (Paris day), not before the (expected) birth', () => {
    const born = { dateNaissance: '2025-01-10' };
    assert.deepEqual(startDateProblem(undefined, born, '2026-12-03'), { code: 'required' });
    assert.deepEqual(startDateProblem('2026-12-03', born, '2026-12-03'), { code: 'not_in_future' });
    assert.equal(startDateProblem('2026-12-04', born, '2026-12-03'), undefined);
    const expected = { dateNaissancePrevue: '2027-04-01' };
    assert.deepEqual(startDateProblem('2027-03-01', expected, '2026-12-03'), { code: 'invalid_value', params: { minimum: '2027-04-01' } });
  });

  test('ageMismatch: a 30-month-old child fits 0–36 months, not 36–72; nothing to judge without a start or a birth', () => {
    const child = { dateNaissance: '2024-03-15' };
    const upTo36 = { ageMinMonths: 0, ageMaxMonths: 36 };
    const from36 = { ageMinMonths: 36, ageMaxMonths: 72 };
    assert.equal(ageMismatch(upTo36, child, '2026-09-15'), undefined);
    assert.deepEqual(ageMismatch(from36, child, '2026-09-15'), { ageMonths: 30, ageMinMonths: 36, ageMaxMonths: 72 });
    // Seven months later, the same child is 37 months old: now the other way round.
    assert.deepEqual(ageMismatch(upTo36, child, '2027-04-15'), { ageMonths: 37, ageMinMonths: 0, ageMaxMonths: 36 });
    assert.equal(ageMismatch(from36, child, '2027-04-15'), undefined);
    assert.equal(ageMismatch(from36, child, undefined), undefined);
    assert.equal(ageMismatch(from36, {}, '2026-09-15'), undefined);
    // An expected child counts from its expected birth.
    assert.deepEqual(ageMismatch({ ageMinMonths: 3, ageMaxMonths: 36 }, { dateNaissancePrevue: '2027-01-10' }, '2027-03-01'), {
      ageMonths: 1,
      ageMinMonths: 3,
      ageMaxMonths: 36,
    });
  });

  test('documentRequired: a born-child-only document is not required for an expected child', () => {
    const birthCertificate = { type: 'acte', label: { fr: 'Acte' }, required: true, bornChildOnly: true, acceptedTypes: ['application/pdf'], maxBytes: 1 };
    assert.equal(documentRequired(birthCertificate, { dateNaissance: '2025-01-01' }), true);
    assert.equal(documentRequired(birthCertificate, { dateNaissancePrevue: '2027-01-01' }), false);
    assert.equal(documentRequired({ ...birthCertificate, required: false }, { dateNaissance: '2025-01-01' }), false);
  });

  test('<famille-preregistration>’s choices step and the server refuse the same structures for the same child and start date', () => {
    const config = vienneCondrieuPreregistration;
    const today = parisDate(new Date());
    const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
    let compared = 0;
    let refused = 0;
    // Children from a newborn to five years old, start dates from next week to two years on.
    for (const born of [-20, -200, -700, -913, -1100, -1400, -1800]) {
      for (const startIn of [7, 100, 215, 400, 730]) {
        const child: Member = {
          id: 'c1',
          role: 'enfant',
          status: 'validee',
          removalRequested: false,
          documents: [],
          updatedAt: new Date().toISOString(),
          profile: { role: 'enfant', nomUsage: 'Huby', prenoms: 'Léo', dateNaissance: day(born) },
        };
        for (const structure of config.structures) {
          const values = { ...emptyValues(), childId: 'c1', startDate: typedDate(day(startIn)), choices: [choiceRow(structure.id)] };
          const element = validateStep(Step.Choices, values, config, [child])['choices.0']?.key === 'choiceAge';
          const server = serverRules
            .submissionErrors(config, { startDate: day(startIn), choices: [structure.id] }, { dateNaissance: day(born) }, new Map(), today)
            .some((e) => e.path === 'choices.0' && e.params?.['ageMonths'] !== undefined);
          assert.equal(element, server, `${structure.id}, born ${day(born)}, start ${day(startIn)}`);
          compared++;
          if (server) refused++;
        }
      }
    }
    assert.ok(compared >= 150 && refused > 10 && refused < compared - 10, `a grid with both verdicts: ${refused} of ${compared} refused`);
  });

  test('the server’s submission check uses these very functions', () => {
    assert.equal(serverRules.monthsBetween, monthsBetween);
    assert.equal(serverRules.documentRequired, documentRequired);
  });
});
