import type { ReactNode } from 'react';
import { textAround } from '../core/index.js';

/**
 * A catalogue sentence with an element where its `{name}` placeholder stands (a link or a button
 * inside a sentence, a number in bold): the text before, the element, the text after. The sentence
 * is cut by the core's `textAround`, so a sentence without the placeholder ends with the element.
 */
export function withElement(text: string, name: string, element: ReactNode): ReactNode {
  const [before, after] = textAround(text, name);
  return <>{before}{element}{after}</>;
}
