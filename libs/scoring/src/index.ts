export * from './aggregates.js';
export * from './answered.js';
export * from './domain-level.js';
export * from './return-scores.js';
export * from './trends.js';
export * from './plans.js';
export * from './plan-rollup.js';
export * from './board-pack.js';
