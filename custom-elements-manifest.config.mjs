// `cem analyze` reads the JSDoc of each element class (@summary, @fires, @csspart,
// @cssprop, @slot) into packages/elements/custom-elements.json, which Storybook's docs use.
export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['**/*.styles.ts', '**/*.test.ts'],
  outdir: 'packages/elements',
  litelement: true,
  packagejson: false,
};
