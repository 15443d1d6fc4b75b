// Emits each package's type declarations into packages/<name>/dist/types (the `types`
// condition of its exports map), then rewrites relative `.ts` specifiers to `.js`,
// since published declarations sit next to compiled JavaScript.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

const root = resolve(import.meta.dirname, '..');
const packages = ['contract', 'sdk', 'elements', 'server'];
const scratch = mkdtempSync(join(tmpdir(), 'famille-types-'));

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (path.endsWith('.d.ts')) yield path;
  }
}

try {
  for (const name of packages) {
    const dir = join(root, 'packages', name);
    const config = join(scratch, `tsconfig.${name}.json`);
    writeFileSync(
      config,
      JSON.stringify({
        extends: join(root, 'tsconfig.json'),
        compilerOptions: {
          noEmit: false,
          declaration: true,
          emitDeclarationOnly: true,
          rootDir: join(dir, 'src'),
          outDir: join(dir, 'dist', 'types'),
          typeRoots: [join(root, 'node_modules', '@types')],
        },
        include: [join(dir, 'src')],
      }),
    );
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', config], { stdio: 'inherit' });
    let count = 0;
    for (const file of files(join(dir, 'dist', 'types'))) {
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+)\.ts\2/g, '$1$2$3.js$2'));
      count++;
    }
    console.log(`@famille/${name}: ${count} declaration files`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
