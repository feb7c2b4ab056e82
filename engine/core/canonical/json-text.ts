/**
 * JSON texts kept with the objects they were made from, while those objects live: an evaluate
 * answer and its decision-log record hold the same decision object, and it is serialised once
 * (about 2.5 µs a decision). An object handed to `jsonTextOnce` must not be changed afterwards.
 */
const texts = new WeakMap<object, string>();

/** JSON.stringify(value), made once per object. */
export function jsonTextOnce(value: object): string {
  let text = texts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    texts.set(value, text);
  }
  return text;
}

/** The text `jsonTextOnce` made for this object; undefined when it made none (nothing is serialised here). */
export function knownJsonText(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? texts.get(value) : undefined;
}
