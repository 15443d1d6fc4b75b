// Removes build output, so that a build never ships files left by an earlier one.
import { rmSync } from 'node:fs';

for (const dir of ['dist', 'packages/contract/dist', 'packages/sdk/dist', 'packages/elements/dist', 'packages/server/dist']) {
  rmSync(new URL(`../${dir}`, import.meta.url), { recursive: true, force: true });
}
