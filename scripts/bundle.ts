// A browser bundle built in memory with the kit's plugins (one ES module, dynamic imports
// inlined): what the render bench runs.
import { rollup, type Plugin } from 'rollup';
import { browserPlugins } from '../rollup.config.mjs';

export async function bundleInMemory(input: string, plugins: Plugin[] = browserPlugins()): Promise<string> {
  const bundle = await rollup({ input, plugins, logLevel: 'silent' });
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
  await bundle.close();
  return output[0].code;
}
