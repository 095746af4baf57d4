export * from './framework.types.js';
export * from './validate-framework.js';
export * from './lineage.js';
export * from './version-changes.js';
