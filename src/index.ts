/**
 * @file The library API: what other programs import from lgo-decisions.
 */
export { parseDecision, type ParseOptions } from './parse.js';
export * from './schema/record.js';
export * from './errors.js';
