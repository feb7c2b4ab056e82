/**
 * Undo and redo of the editor's config. Keystrokes in one input within a short pause form one step
 * (typing a title is undone as a whole, not letter by letter); any other change is a step of its own.
 */
import { useCallback, useRef, useState } from 'react';

/** Typing pauses longer than this start a new undo step. */
const TYPING_GROUP_MS = 1500;
const MAX_STEPS = 200;

export interface EditHistory<T> {
  /** Call with the value before and after each edit. */
  record: (before: T, after: T) => void;
  undo: (current: T) => T | null;
  redo: (current: T) => T | null;
  reset: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

/** The text input being typed in, by its id when it has one (a re-rendered input is the same field). */
function typingTarget(): Element | string | null {
  const el = document.activeElement;
  const typed = el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'file'].includes(el.type));
  return typed ? el.id || el : null;
}

export function useEditHistory<T>(): EditHistory<T> {
  const past = useRef<T[]>([]);
  const future = useRef<T[]>([]);
  const group = useRef<{ target: Element | string; at: number } | null>(null);
  const [, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);

  const record = useCallback((before: T, after: T) => {
    if (before === after) return;
    const target = typingTarget();
    const now = Date.now();
    const last = group.current;
    const sameTyping = !!target && !!last && last.target === target && now - last.at < TYPING_GROUP_MS && past.current.length > 0;
    if (!sameTyping) {
      past.current.push(before);
      if (past.current.length > MAX_STEPS) past.current.shift();
    }
    group.current = target ? { target, at: now } : null;
    future.current = [];
    changed();
  }, []);
  const undo = useCallback((current: T) => {
    const previous = past.current.pop();
    if (previous === undefined) return null;
    future.current.push(current);
    group.current = null;
    changed();
    return previous;
  }, []);
  const redo = useCallback((current: T) => {
    const next = future.current.pop();
    if (next === undefined) return null;
    past.current.push(current);
    group.current = null;
    changed();
    return next;
  }, []);
  const reset = useCallback(() => {
    past.current = [];
    future.current = [];
    group.current = null;
    changed();
  }, []);
  return { record, undo, redo, reset, canUndo: past.current.length > 0, canRedo: future.current.length > 0 };
}
