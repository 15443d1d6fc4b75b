// The types of rollup.config.mjs's exports, for the scripts that import them.
import type { OutputOptions, Plugin, RollupOptions } from 'rollup';

export function browserContract(): Plugin;
export function browserPlugins(beforeMinify?: Plugin[]): Plugin[];
export const kitLoader: string;
export const kitDir: string;
export function kitBuild(dir?: string): Promise<RollupOptions & { output: OutputOptions }>;
declare const config: () => Promise<RollupOptions[]>;
export default config;
