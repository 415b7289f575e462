export * from './version.js';
export * from './limits.js';
export * from './state-limits.js';
export * from './ids.js';
export * from './errors.js';
export * from './frames.js';
export * from './codec.js';
export type { Problem } from './validate.js';
