// Removes build output, so that a build never ships files left by an earlier one. The
// served kit (packages/elements/dist/cdn) stays: scripts/build-kit.ts rebuilds it, whole,
// when its sources changed since it was built, and reuses it otherwise.
import { existsSync, readdirSync, rmSync } from 'node:fs';

for (const dir of ['dist', 'packages/contract/dist', 'packages/sdk/dist', 'packages/server/dist']) {
  rmSync(new URL(`../${dir}`, import.meta.url), { recursive: true, force: true });
}
const elementsDist = new URL('../packages/elements/dist/', import.meta.url);
for (const name of existsSync(elementsDist) ? readdirSync(elementsDist) : []) {
  if (name !== 'cdn') rmSync(new URL(name, elementsDist), { recursive: true, force: true });
}
