// Dates as parents read and type them: "1er" for the first of the month in French, and
// what is typed in a JJ/MM/AAAA field read the same way everywhere.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDay } from '@famille/contract';
import { typedDate, typedToIso } from '../../../packages/elements/src/form/dates.ts';

describe('formatDay', () => {
  const long = (locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Paris', ...options });

  test('writes "1er" for the first of the month in French, where the month is written out', () => {
    assert.equal(formatDay(long('fr-FR'), new Date('2027-09-01T10:00:00Z')), '1er septembre 2027');
    assert.equal(formatDay(long('fr', { dateStyle: 'full' }), new Date('2027-09-01T10:00:00Z')), 'mercredi 1er septembre 2027');
    assert.equal(formatDay(long('fr-FR', { dateStyle: 'long', timeStyle: 'short' }), new Date('2027-09-01T08:30:00Z')), '1er septembre 2027 à 10:30');
  });

  test('leaves other days, numeric dates and English as Intl writes them', () => {
    assert.equal(formatDay(long('fr-FR'), new Date('2027-09-11T10:00:00Z')), '11 septembre 2027');
    assert.equal(formatDay(long('fr-FR'), new Date('2027-09-21T10:00:00Z')), '21 septembre 2027');
    assert.equal(formatDay(long('fr-FR', { dateStyle: 'short' }), new Date('2027-09-01T10:00:00Z')), '01/09/2027');
    assert.equal(formatDay(long('en-GB'), new Date('2027-09-01T10:00:00Z')), '1 September 2027');
  });

  test('takes the day in the formatter’s time zone: 31 August 23:30 UTC is the 1st in Paris', () => {
    assert.equal(formatDay(long('fr-FR'), new Date('2027-08-31T23:30:00Z')), '1er septembre 2027');
  });
});

describe('typed dates (JJ/MM/AAAA fields)', () => {
  test('day first with slashes, dots, dashes or spaces, and ISO as a date picker or a paste gives it', () => {
    for (const typed of ['12/05/1990', '12.05.1990', '12-05-1990', '12 05 1990', ' 12/5/1990 ', '1990-05-12', '1990-5-12']) {
      assert.equal(typedToIso(typed), '1990-05-12', typed);
    }
  });

  test('refuses what is not a day of the calendar', () => {
    for (const typed of ['31/02/2020', '29/02/2023', '00/01/2020', '12/13/1990', '1990-13-01', '12/05/90', '12051990', 'demain', '']) {
      assert.equal(typedToIso(typed), undefined, typed);
    }
    assert.equal(typedToIso('29/02/2024'), '2024-02-29', 'a leap day');
  });

  test('shown back as typed: ISO → JJ/MM/AAAA', () => {
    assert.equal(typedDate('1990-05-12'), '12/05/1990');
    assert.equal(typedDate(typedToIso('1990-5-12')!), '12/05/1990');
  });
});
