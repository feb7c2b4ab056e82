/**
 * A catalogue sentence that holds an element (a link, a button, a number in bold) at one of its
 * `{name}` placeholders, cut there: the text before the placeholder and the text after it. The
 * first `{name}` is the cut; a later one stays in the text after it, as written. A sentence
 * without the placeholder is all "before" (the element then follows it).
 */
export function textAround(text: string, name: string): [before: string, after: string] {
  const placeholder = `{${name}}`;
  const at = text.indexOf(placeholder);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + placeholder.length)];
}
