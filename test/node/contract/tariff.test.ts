// The PSU crèche tariff shared by the server and <famille-tariff-simulator>: the worked
// examples of the texts cited in packages/contract/src/tariff-rules.ts, to the cent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mensualise, participationFamiliale, tauxEffort, type TariffInput, type TariffResult } from '@famille/contract';
import { tariffConfigProblems } from '../../../packages/server/src/domain/preregistration.ts';
import { createTenantRegistry, demoTenants } from '@famille/server';

const fullTime = { daysPerWeek: 5, minutesPerDay: 9 * 60, weeksPerYear: 47 };
const base: TariffInput = { resources: { monthly: 300_000 }, children: 1, kind: 'collectif', schedule: fullTime, date: '2025-10-01' };

function simulate(patch: Partial<TariffInput>): TariffResult {
  const result = participationFamiliale({ ...base, ...patch });
  assert.ok(result.ok, `no result: ${JSON.stringify(result)}`);
  return result;
}

test('Ville de Suresnes, September 2024: 3 000 € a month, 2 children, 0,0516 % gives 1,548 €, billed 1,55 € an hour', () => {
  const result = simulate({ resources: { monthly: 300_000 }, children: 2, date: '2024-09-15' });
  assert.equal(result.rate, 516);
  // The text's exact product, in tenths of a cent, before rounding to the cent.
  assert.equal((300_000 * result.rate) / 100_000, 1548);
  assert.equal(result.hourly, 155);
  assert.equal(result.bound, undefined);
  assert.equal(result.plafond, 700_000);
});

test('Ville de Suresnes, September 2025: 3 000 € and 2 children give 1,55 €; 8 500 € and 1 child (the plafond) give 5,26 €', () => {
  assert.equal(simulate({ children: 2 }).hourly, 155);
  const atPlafond = simulate({ resources: { monthly: 850_000 } });
  assert.equal(atPlafond.rate, 619);
  assert.equal(atPlafond.hourly, 526);
  assert.equal(atPlafond.bound, undefined);
  assert.equal(atPlafond.plafond, 850_000);
});

test('above the plafond the resources retained are the plafond (8 500 € from 1 September 2025, 7 000 € before)', () => {
  const rich = simulate({ resources: { monthly: 1_200_000 } });
  assert.equal(rich.bound, 'plafond');
  assert.equal(rich.monthlyResources, 850_000);
  assert.equal(rich.hourly, 526);
  const august = simulate({ resources: { monthly: 1_200_000 }, date: '2025-08-31' });
  assert.equal(august.plafond, 700_000);
  assert.equal(august.hourly, 433); // 7 000 × 0,0619 % = 4,333
  const beforeSeptember2024 = simulate({ resources: { monthly: 1_200_000 }, date: '2024-08-31' });
  assert.equal(beforeSeptember2024.plafond, 600_000);
  assert.equal(beforeSeptember2024.resourcesFrom, '2024-01-01');
});

test('Caf des Pyrénées-Orientales, 2019: one child in accueil collectif pays 0,41 € at the plancher (687,30 €) and 2,92 € at the plafond (4 874,62 €)', () => {
  const none = simulate({ resources: { yearly: 0 }, date: '2019-03-01' });
  assert.equal(none.bound, 'plancher');
  assert.equal(none.monthlyResources, 68_730);
  assert.equal(none.hourly, 41);
  const high = simulate({ resources: { yearly: 9_000_000 }, date: '2019-03-01' });
  assert.equal(high.bound, 'plafond');
  assert.equal(high.monthlyResources, 487_462);
  assert.equal(high.hourly, 292);
});

test('Caf des Pyrénées-Orientales, 2019: in accueil familial, parental and micro-crèche, one child pays 0,34 € at the plancher and 2,44 € at the plafond', () => {
  // "0,34 €/heure … 2,44 €/heure pour les services d'accueil familial, les micro-crèches et
  // les structures en gestion parentale": 687,30 × 0,05 % = 0,34365 €; 4 874,62 × 0,05 % =
  // 2,43731 €, billed 2,44 €: rounded to the nearest cent (the cent below would be 2,43 €).
  for (const kind of ['familial', 'micro'] as const) {
    const low = simulate({ kind, resources: { monthly: 0 }, date: '2019-03-01' });
    assert.equal(low.rate, 500, kind);
    assert.equal(low.hourly, 34, kind);
    const high = simulate({ kind, resources: { monthly: 900_000 }, date: '2019-03-01' });
    assert.equal(high.monthlyResources, 487_462, kind);
    assert.equal(high.hourly, 244, kind);
    assert.equal(simulate({ kind, resources: { monthly: 900_000 }, date: '2019-03-01', hourlyRounding: 'down' }).hourly, 243, kind);
  }
});

test('Léa et Léo, 2020: one child at the plancher (705,27 €) pays 0,43 € an hour, two children at the plafond (5 600 €) 2,84 €', () => {
  // "705.27 € x 0,0610 % = 0,43 € par heure"; "5600 € x 0,0508 % = 2,84 € par heure".
  const low = simulate({ resources: { monthly: 50_000 }, date: '2020-03-01' });
  assert.equal(low.bound, 'plancher');
  assert.equal(low.monthlyResources, 70_527);
  assert.equal(low.rate, 610);
  assert.equal(low.hourly, 43);
  const high = simulate({ resources: { yearly: 9_000_000 }, children: 2, date: '2020-03-01' });
  assert.equal(high.bound, 'plafond');
  assert.equal(high.monthlyResources, 560_000);
  assert.equal(high.rate, 508);
  assert.equal(high.hourly, 284);
  // From September 2019 (Babilou): the same plancher, a plafond of 5 300 €.
  const september2019 = simulate({ resources: { monthly: 900_000 }, date: '2019-10-01' });
  assert.equal(september2019.monthlyResources, 530_000);
  assert.equal(september2019.rate, 605);
  assert.equal(simulate({ resources: { monthly: 0 }, date: '2019-10-01' }).monthlyResources, 70_527);
});

test('the plancher: 801 € in 2025 (the plafond rising to 8 500 € on 1 September), 814,62 € from 2026, whether the resources are yearly or monthly', () => {
  const yearly = simulate({ resources: { yearly: 900_000 }, date: '2026-03-01' });
  assert.equal(yearly.bound, 'plancher');
  assert.equal(yearly.monthlyResources, 81_462);
  assert.equal(yearly.resourcesFrom, '2026-01-01');
  assert.equal(yearly.hourly, 50); // 814,62 × 0,0619 % = 0,5042
  assert.deepEqual(simulate({ resources: { monthly: 75_000 }, date: '2026-03-01' }), yearly);
  // 801 × 0,0619 % = 0,4958 €: 0,50 € to the nearest cent, 0,49 € to the cent below (as
  // the page giving 801 € prints it).
  const march2025 = simulate({ resources: { monthly: 0 }, date: '2025-03-01' });
  assert.equal(march2025.monthlyResources, 80_100);
  assert.equal(march2025.plafond, 700_000);
  assert.equal(march2025.hourly, 50);
  assert.equal(simulate({ resources: { monthly: 0 }, date: '2025-03-01', hourlyRounding: 'down' }).hourly, 49);
  const october2025 = simulate({ resources: { monthly: 0 } });
  assert.equal(october2025.monthlyResources, 80_100);
  assert.equal(october2025.plafond, 850_000);
  // 2023's plancher: 754,16 €.
  assert.equal(simulate({ resources: { monthly: 0 }, date: '2023-06-01' }).monthlyResources, 75_416);
});

test('every plancher shipped is the RSA of a parent with one child less its forfait logement, at the RSA of its day: a check against mistyped figures', () => {
  // RSA of one person (montant forfaitaire) in force when each plancher took effect: 545,48 €
  // (September 2017; January 2019 kept 2018's plancher), 559,74 € (April 2019), 598,54 €
  // (July 2022), 607,75 € (April 2023), 635,71 € (April 2024), 646,52 € (April 2025).
  const rsa: Record<string, number> = {
    '2019-01-01': 54_548,
    '2019-09-01': 55_974,
    '2020-01-01': 55_974,
    '2023-01-01': 59_854,
    '2024-01-01': 60_775,
    '2025-01-01': 63_571,
    '2026-01-01': 64_652,
  };
  // 1,5 × the RSA and its 16 % each to the cent, halves up (607,75 × 1,5 = 911,625 → 911,63).
  const cents = (value: number) => Math.floor(value + 0.5 + 1e-9);
  const plancherOf = (oneAdult: number) => {
    const withOneChild = cents(oneAdult * 1.5);
    return withOneChild - cents(withOneChild * 0.16);
  };
  for (const [from, oneAdult] of Object.entries(rsa)) {
    const result = simulate({ resources: { monthly: 0 }, date: from });
    assert.equal(result.resourcesFrom, from);
    assert.equal(result.monthlyResources, plancherOf(oneAdult), from);
  }
});

test('yearly resources are divided by 12 without rounding before the rate is applied', () => {
  const yearly = simulate({ resources: { yearly: 3_600_000 }, children: 2 });
  assert.deepEqual(yearly, simulate({ resources: { monthly: 300_000 }, children: 2 }));
  // 41 000 € a year: 3 416,666… € a month × 0,0619 % = 2,11491… €.
  const uneven = simulate({ resources: { yearly: 4_100_000 } });
  assert.equal(uneven.monthlyResources, 341_667);
  assert.equal(uneven.hourly, 211);
});

test('a micro-crèche uses the accueil collectif table (aligned by circulaire 2019-005)', () => {
  for (const children of [1, 2, 3, 5, 8]) {
    const micro = simulate({ kind: 'micro', children });
    const collectif = simulate({ kind: 'collectif', children });
    assert.equal(micro.rate, collectif.rate);
    assert.equal(micro.hourly, collectif.hourly);
  }
});

test('every bracket of accueil collectif: 0,0619 %, 0,0516 %, 0,0413 %, 0,0310 % from 4 to 7 children, 0,0206 % from 8', () => {
  const rates = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12].map((children) => simulate({ children }).rate);
  assert.deepEqual(rates, [619, 516, 413, 310, 310, 310, 310, 206, 206, 206]);
  // The largest family at the plafond: 8 500 × 0,0206 % = 1,751 €.
  assert.equal(simulate({ children: 8, resources: { monthly: 850_000 } }).hourly, 175);
});

test('a child entitled to the AEEH gives the rate of the next size of family, as many times as there are such children', () => {
  const oneWithAeeh = simulate({ children: 1, aeehChildren: 1 });
  assert.equal(oneWithAeeh.bracket, 2);
  assert.equal(oneWithAeeh.rate, simulate({ children: 2 }).rate);
  assert.equal(simulate({ children: 2, aeehChildren: 2 }).rate, 310);
  assert.equal(simulate({ children: 7, aeehChildren: 1 }).rate, 206);
  assert.equal(simulate({ children: 9, aeehChildren: 3 }).rate, 206);
});

test('mensualisation, Les Bambins de la Vésubie: 2 € an hour, 34 hours a week, 42 weeks, over 12 months is 119 hours, 238 € a month', () => {
  assert.equal(mensualise(200, 42, 34 * 60, 12), 23_800);
  // The same through the whole calculation: 3 231,02 € × 0,0619 % = 1,99999… € → 2,00 €.
  const result = simulate({ resources: { monthly: 323_102 }, schedule: { daysPerWeek: 4, minutesPerDay: 8.5 * 60, weeksPerYear: 42 } });
  assert.equal(result.hourly, 200);
  assert.equal(result.monthlyMinutes, 119 * 60);
  assert.equal(result.monthly, 23_800);
  assert.equal(result.yearly, 285_600);
});

test('Ville de Vincennes: 3 600 € a month, one child, 230 days of 9 hours: 2,22 € an hour (rounded down), 172,5 hours and 382,95 € a month', () => {
  // "Tarif horaire = 3600 x 0,0619% = 2,22 €/heure … 230 x 9 = 2 070 heures … 2 070 ÷ 12 =
  // 172,5 h / mois. Montant du forfait mensuel = 172,5 h x 2,22 € = 382,95 €", Ville de
  // Vincennes, "Les coûts", https://www.vincennes.fr/famille-enfance-jeunesse-seniors/petite-enfance/les-couts
  // (3 600 × 0,0619 % is 2,2284 €: the town bills the cent below). 230 days: 46 weeks of 5.
  const vincennes = { resources: { monthly: 360_000 }, schedule: { daysPerWeek: 5, minutesPerDay: 9 * 60, weeksPerYear: 46 } };
  const down = simulate({ ...vincennes, hourlyRounding: 'down' });
  assert.equal(down.hourly, 222);
  assert.equal(down.hourlyRounding, 'down');
  assert.equal(down.monthlyMinutes, 172.5 * 60);
  assert.equal(down.monthly, 38_295);
  // Rounded to the nearest cent (the default, as Ville de Suresnes): 2,23 €, 384,68 €.
  const nearest = simulate(vincennes);
  assert.equal(nearest.hourly, 223);
  assert.equal(nearest.hourlyRounding, 'nearest');
  assert.equal(nearest.monthly, 38_468);
  // At the plancher likewise: 814,62 € × 0,0619 % = 0,5042… €.
  assert.equal(simulate({ resources: { monthly: 50_000 }, hourlyRounding: 'down', date: '2026-03-01' }).hourly, 50);
  assert.deepEqual(participationFamiliale({ ...base, hourlyRounding: 'up' as never }), { ok: false, reason: 'invalid' });
  // The same page in 2020: "230 x 9 = 2 070 heures … 2 070 ÷ 12 = 172,5 h / mois. Montant du
  // forfait mensuel = 172,5 h x 2,42 € = 417,45 €".
  assert.equal(mensualise(242, 46, 5 * 9 * 60, 12), 41_745);
});

test('the tenant’s weeks of closure cap the weeks of care, and its months billed spread the year', () => {
  const schedule = { daysPerWeek: 4, minutesPerDay: 9 * 60, weeksPerYear: 52 };
  const open = simulate({ schedule, closureWeeks: 0 });
  const closed = simulate({ schedule, closureWeeks: 5 });
  assert.equal(open.weeks, 52);
  assert.equal(closed.weeks, 47);
  assert.equal(closed.weeksCapped, true);
  assert.ok(closed.monthly < open.monthly);
  // 1,86 € × 36 h × 47 weeks ÷ 12 = 262,26 €; over 11 months 286,10 €.
  assert.equal(closed.hourly, 186);
  assert.equal(closed.monthly, 26_226);
  const eleven = simulate({ schedule, closureWeeks: 5, billedMonths: 11 });
  assert.equal(eleven.monthly, 28_610);
  assert.equal(eleven.yearly, 314_710);
  // Fewer weeks than the structure is open: nothing capped.
  assert.equal(simulate({ schedule: { ...schedule, weeksPerYear: 40 }, closureWeeks: 5 }).weeksCapped, false);
});

test('accueil familial and parental: 0,0516 % for one child, 0,0310 % from 3 to 5 children, 0,0206 % from 6; AEEH moves one bracket up', () => {
  const one = simulate({ kind: 'familial' });
  assert.equal(one.rate, 516);
  // 3 000 € × 0,0516 % = 1,548 €, billed 1,55 € an hour.
  assert.equal(one.hourly, 155);
  assert.deepEqual(
    [2, 3, 5, 6, 9].map((children) => simulate({ kind: 'familial', children }).rate),
    [413, 310, 310, 206, 206],
  );
  const aeeh = simulate({ kind: 'familial', children: 5, aeehChildren: 1 });
  assert.equal(aeeh.bracket, 6);
  assert.equal(aeeh.rate, 206);
  // At the plafond (8 500 €), one child: 8 500 × 0,0516 % = 4,386 €.
  assert.equal(simulate({ kind: 'familial', resources: { monthly: 2_000_000 } }).hourly, 439);
});

test('the micro-crèche has the collectif table from September 2019, the familial one before', () => {
  assert.deepEqual(simulate({ kind: 'micro', children: 3 }).rate, simulate({ children: 3 }).rate);
  const before = simulate({ kind: 'micro', date: '2019-06-01' });
  assert.equal(before.rate, 500);
  assert.equal(before.hourly, 150); // 3 000 € × 0,05 %
  assert.equal(simulate({ date: '2019-06-01' }).rate, 600);
});

test('the rises of circulaire 2019-005: one child in accueil collectif 0,0605 % (September 2019), 0,0610 % (2020), 0,0615 % (2021), 0,0619 % (2022)', () => {
  const oneChild = (kind: 'collectif' | 'familial' | 'micro', date: string) => tauxEffort(kind, 1, date)?.rate;
  assert.deepEqual(
    ['2019-08-31', '2019-09-01', '2020-01-01', '2021-12-31', '2022-01-01', '2026-12-04'].map((date) => oneChild('collectif', date)),
    [600, 605, 610, 615, 619, 619],
  );
  assert.deepEqual(
    ['2019-08-31', '2019-09-01', '2020-01-01', '2021-12-31', '2022-01-01'].map((date) => oneChild('familial', date)),
    [500, 504, 508, 512, 516],
  );
  assert.deepEqual(tauxEffort('collectif', 12, '2020-06-01'), { rate: 203, bracket: 8, from: '2020-01-01' });
  assert.deepEqual(tauxEffort('familial', 12, '2021-06-01'), { rate: 205, bracket: 6, from: '2021-01-01' });
  assert.equal(tauxEffort('collectif', 1, '2018-12-31'), undefined);
});

test('no result without the plancher of those years (2021 and 2022) nor before 2019', () => {
  for (const date of ['2018-12-31', '2021-01-01', '2021-06-01', '2022-06-01', '2022-12-31']) {
    for (const kind of ['collectif', 'familial', 'micro'] as const) {
      assert.deepEqual(participationFamiliale({ ...base, kind, date }), { ok: false, reason: 'no_bareme' }, `${kind} ${date}`);
    }
  }
  assert.equal(simulate({ date: '2023-01-01' }).ratesFrom, '2022-01-01');
  assert.equal(simulate({ kind: 'familial', date: '2023-01-01' }).rate, 516);
});

test('inputs out of range give no result rather than a wrong amount', () => {
  const invalid = { ok: false, reason: 'invalid' };
  assert.deepEqual(participationFamiliale({ ...base, children: 0 }), invalid);
  assert.deepEqual(participationFamiliale({ ...base, children: 1.5 }), invalid);
  assert.deepEqual(participationFamiliale({ ...base, aeehChildren: 2 }), invalid);
  assert.deepEqual(participationFamiliale({ ...base, resources: { monthly: -1 } }), invalid);
  assert.deepEqual(participationFamiliale({ ...base, resources: { yearly: 12.5 } }), invalid);
  assert.deepEqual(participationFamiliale({ ...base, schedule: { ...fullTime, weeksPerYear: 53 } }), invalid);
  assert.deepEqual(participationFamiliale({ ...base, schedule: { ...fullTime, daysPerWeek: 0 } }), invalid);
  assert.deepEqual(participationFamiliale({ ...base, billedMonths: 13 }), invalid);
});

test('a tenant’s tariff may only name its own structures, once; the server refuses any other configuration at start', () => {
  const [vienne] = demoTenants({ allowedOrigins: [] });
  assert.ok(vienne?.config.tariff);
  assert.deepEqual(tariffConfigProblems(vienne.config), []);
  const tariff = {
    ...vienne.config.tariff,
    structures: [...vienne.config.tariff.structures, { id: 'inconnue', kind: 'collectif' as const }, { id: 'gem-minis', kind: 'micro' as const }],
  };
  const broken = { ...vienne, config: { ...vienne.config, tariff } };
  assert.deepEqual(tariffConfigProblems(broken.config), [
    'tariff.structures: "inconnue" is not a structure of preregistration.structures',
    'tariff.structures: "gem-minis" is given twice',
  ]);
  assert.throws(() => createTenantRegistry([broken]), /inconnue/);
  assert.doesNotThrow(() => createTenantRegistry(demoTenants({ allowedOrigins: [] })));
});
