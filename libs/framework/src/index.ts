export * from './framework.types.js';
export * from './validate-framework.js';
