import { maskIdNumber, maskPhone } from '../codes/index.js';

const ID_NUMBER = /\b\d{17}[\dXx]\b/g;
const MOBILE = /\b1[3-9]\d{9}\b/g;
const WHOLE_MOBILE = /^1[3-9]\d{9}$/;

/** Personal data never reaches a log line, listing or comment, whatever text it hides in. */
export function maskPersonalData(text: string): string {
  return text.replace(ID_NUMBER, (m) => maskIdNumber(m)).replace(MOBILE, (m) => maskPhone(m));
}

/** Every string at any depth goes through maskPersonalData; keys are kept, the value given is left untouched. */
export function maskPersonalDataDeep(value: unknown): unknown {
  if (typeof value === 'string') return maskPersonalData(value);
  // A mobile typed as an integer field would otherwise slip through; it becomes its masked text.
  if (typeof value === 'number' && Number.isSafeInteger(value) && WHOLE_MOBILE.test(String(value))) return maskPhone(String(value));
  if (Array.isArray(value)) return value.map(maskPersonalDataDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, maskPersonalDataDeep(item)]));
  }
  return value;
}
