// The rule that tells a member declared twice, shared by the server and <famille-entourage>.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sameMember } from '@famille/contract';

const leo = { role: 'enfant', nomUsage: 'Martin', prenoms: 'Léo', dateNaissance: '2024-02-10' };

test('the same child typed again loosely is the same person; a twin, another birth date or another role is not', () => {
  assert.equal(sameMember(leo, { ...leo, nomUsage: ' MARTIN', prenoms: 'leo' }), true);
  assert.equal(sameMember({ ...leo, prenoms: 'Jean-Léo' }, { ...leo, prenoms: 'jean leo' }), true);
  assert.equal(sameMember(leo, { ...leo, prenoms: 'Lou' }), false);
  assert.equal(sameMember(leo, { ...leo, dateNaissance: '2024-02-11' }), false);
  assert.equal(sameMember(leo, { ...leo, role: 'contact' }), false);
});

test('an expected child is matched by its expected birth date; contacts by their names, a birth date only when both have one', () => {
  const expected = { role: 'enfant', nomUsage: 'Martin', dateNaissancePrevue: '2027-03-01' };
  assert.equal(sameMember(expected, { ...expected }), true);
  assert.equal(sameMember(expected, { ...expected, dateNaissancePrevue: '2027-03-02' }), false);
  const simone = { role: 'contact', nomUsage: 'Roux', prenoms: 'Simone' };
  assert.equal(sameMember(simone, { ...simone }), true);
  const paul = { role: 'coRepresentant', nomUsage: 'Martin', prenoms: 'Paul', dateNaissance: '1988-04-01' };
  assert.equal(sameMember(paul, { ...paul, dateNaissance: undefined }), true);
  assert.equal(sameMember(paul, { ...paul, dateNaissance: '1989-04-01' }), false);
});
