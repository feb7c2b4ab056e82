import { useEffect, useState } from 'react';

/**
 * A value that follows `value` once it has stopped changing for `delayMs` (the first value at
 * once). Work that is too slow for every keystroke — rebuilding the preview of a large form,
 * compiling its schema for the authoring checks — runs when the author pauses instead.
 */
export function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const timer = setTimeout(() => setSettled(() => value), delayMs);
    return () => clearTimeout(timer);
  }, [value, settled, delayMs]);
  return settled;
}
