export type * from './records.js';
export type * from './programme-records.js';
