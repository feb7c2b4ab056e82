/**
 * Reordering a list by HTML5 drag and drop. The dragged index is kept here (not only in the
 * DataTransfer), so nested lists do not interfere: a drop only counts inside the list it started in.
 * Up/down buttons stay next to it for keyboard users.
 */
import { useRef, useState, type DragEvent } from 'react';

export interface DragProps {
  draggable?: boolean;
  onDragStart?: (e: DragEvent<HTMLElement>) => void;
  onDragOver?: (e: DragEvent<HTMLElement>) => void;
  onDragLeave?: (e: DragEvent<HTMLElement>) => void;
  onDrop?: (e: DragEvent<HTMLElement>) => void;
  onDragEnd?: (e: DragEvent<HTMLElement>) => void;
  'data-drop-target'?: 'before' | 'after';
  'data-dragging'?: 'true';
}

export function useDragReorder(move: (from: number, to: number) => void): (index: number, enabled?: boolean) => DragProps {
  const from = useRef<number | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const reset = () => {
    from.current = null;
    setDragging(null);
    setOver(null);
  };
  return (index, enabled = true) => {
    if (!enabled) return {};
    return {
      draggable: true,
      onDragStart: (e) => {
        e.stopPropagation();
        from.current = index;
        setDragging(index);
        try {
          e.dataTransfer.effectAllowed = 'move';
          e.dataTransfer.setData('text/plain', String(index));
        } catch {
          /* a synthetic event may carry no DataTransfer */
        }
      },
      onDragOver: (e) => {
        if (from.current === null) return;
        e.preventDefault();
        e.stopPropagation();
        try {
          e.dataTransfer.dropEffect = 'move';
        } catch {
          /* see above */
        }
        if (over !== index) setOver(index);
      },
      onDragLeave: () => setOver((o) => (o === index ? null : o)),
      onDrop: (e) => {
        if (from.current === null) return;
        e.preventDefault();
        e.stopPropagation();
        const f = from.current;
        reset();
        if (f !== index) move(f, index);
      },
      onDragEnd: reset,
      ...(over === index && dragging !== null && dragging !== index ? { 'data-drop-target': dragging < index ? 'after' : 'before' } : {}),
      ...(dragging === index ? { 'data-dragging': 'true' } : {}),
    } as DragProps;
  };
}

/** The list with the entry at `from` moved to `to`. */
export function moved<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [x] = next.splice(from, 1);
  if (x === undefined) return list;
  next.splice(Math.max(0, Math.min(to, next.length)), 0, x);
  return next;
}
