export type * from './common.js';
export type * from './errors.js';
export type * from './organisations.js';
export type * from './health.js';
export type * from './frameworks.js';
export type * from './access.js';
export type * from './returns.js';
export type * from './results.js';
