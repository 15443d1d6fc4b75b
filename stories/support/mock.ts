import { startMockServer } from '@famille/mock-server';

/** The demo data seeded by the reference server (`seedDemo`). */
export const demo = {
  tenant: 'vienne-condrieu',
  identifiant: 'parent.demo',
  pendingIdentifiant: 'parent.attente',
  password: 'Famille-Demo-2026',
};

/** Story loader: the mock server running, on a fresh copy of the demo database. */
export async function prepareMockServer(): Promise<Record<string, never>> {
  const mock = await startMockServer();
  await mock.reset();
  return {};
}
