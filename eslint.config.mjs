// ESLint's configuration is in tools/lint/, the workspace that installs ESLint's TypeScript.
export { default } from './tools/lint/eslint.config.mjs';
