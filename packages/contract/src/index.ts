export * from './problem.ts';
export * from './tenant.ts';
export * from './auth.ts';
export * from './health.ts';
export * from './accounts.ts';
export * from './family.ts';
export * from './endpoints.ts';
export * from './runtime.ts';
