import { inflateSync } from 'node:zlib';

/**
 * Pages and their text from a PDF as Chromium's Skia writes it (uncompressed object table,
 * Flate streams, fonts with ToUnicode maps, hex-string Tj/TJ): enough to check what a printed
 * notice holds, with no PDF library. Text is the drawn characters in drawing order, without spaces.
 */
export interface PdfPage {
  text: string;
}

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objectsOf(pdf: Buffer): Map<number, PdfObject> {
  const source = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  // A dictionary ends where `stream` or `endobj` follows; the stream is exactly /Length bytes long.
  const pattern = /(\d+) 0 obj\s*(<<(?:(?!endobj)[\s\S])*?>>)\s*(stream\r?\n|endobj)/g;
  for (const match of source.matchAll(pattern)) {
    const dict = match[2] as string;
    let stream: Buffer | null = null;
    if ((match[3] as string).startsWith('stream')) {
      const start = (match.index as number) + match[0].length;
      const length = Number(/\/Length\s+(\d+)(?!\s+0\s+R)/.exec(dict)?.[1] ?? source.indexOf('endstream', start) - start);
      const raw = pdf.subarray(start, start + length);
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
      pattern.lastIndex = start + length;
    }
    objects.set(Number(match[1]), { dict, stream });
  }
  return objects;
}

const refs = (text: string): number[] => [...text.matchAll(/(\d+)\s+0\s+R/g)].map((m) => Number(m[1]));

function utf16(hex: string): string {
  const bytes = Buffer.from(hex, 'hex');
  return bytes.swap16().toString('utf16le');
}

/** A font's ToUnicode CMap: code (hex, upper case) → text, with the code width in hex digits. */
function toUnicode(cmap: string): { width: number; map: Map<string, string> } {
  const map = new Map<string, string>();
  let width = 2;
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of (block[1] as string).matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      width = (src as string).length;
      map.set((src as string).toUpperCase(), utf16(dst as string));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of (block[1] as string).matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      width = (lo as string).length;
      const start = parseInt(dst as string, 16);
      for (let code = parseInt(lo as string, 16); code <= parseInt(hi as string, 16); code++) {
        map.set(code.toString(16).toUpperCase().padStart(width, '0'), String.fromCodePoint(start + code - parseInt(lo as string, 16)));
      }
    }
  }
  return { width, map };
}

function pageObjects(objects: Map<number, PdfObject>): PdfObject[] {
  const root = [...objects.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict));
  const pagesRef = root ? /\/Pages\s+(\d+)\s+0\s+R/.exec(root.dict)?.[1] : undefined;
  const walk = (num: number): PdfObject[] => {
    const node = objects.get(num);
    if (!node) return [];
    if (/\/Type\s*\/Pages\b/.test(node.dict)) return refs(/\/Kids\s*\[([^\]]*)\]/.exec(node.dict)?.[1] ?? '').flatMap(walk);
    return /\/Type\s*\/Page\b/.test(node.dict) ? [node] : [];
  };
  return pagesRef ? walk(Number(pagesRef)) : [];
}

function pageText(page: PdfObject, objects: Map<number, PdfObject>): string {
  let resources = page.dict;
  const resourcesRef = /\/Resources\s+(\d+)\s+0\s+R/.exec(page.dict)?.[1];
  if (resourcesRef) resources = objects.get(Number(resourcesRef))?.dict ?? '';
  let fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
  const fontDictRef = /\/Font\s+(\d+)\s+0\s+R/.exec(resources)?.[1];
  if (fontDictRef) fontDict = objects.get(Number(fontDictRef))?.dict ?? '';
  const fonts = new Map<string, ReturnType<typeof toUnicode>>();
  for (const [, name, num] of fontDict.matchAll(/\/([^\s/<>\[\]]+)\s+(\d+)\s+0\s+R/g)) {
    const font = objects.get(Number(num));
    const cmapRef = font ? /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(font.dict)?.[1] : undefined;
    const cmap = cmapRef ? objects.get(Number(cmapRef))?.stream?.toString('latin1') : undefined;
    if (cmap) fonts.set(name as string, toUnicode(cmap));
  }
  const contentsText = /\/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)/.exec(page.dict)?.[1] ?? '';
  const content = refs(contentsText).map((n) => objects.get(n)?.stream?.toString('latin1') ?? '').join('\n');
  let font: ReturnType<typeof toUnicode> | undefined;
  let text = '';
  const decode = (hex: string) => {
    if (!font) return;
    const clean = hex.replace(/\s+/g, '').toUpperCase();
    for (let i = 0; i + font.width <= clean.length; i += font.width) text += font.map.get(clean.slice(i, i + font.width)) ?? '';
  };
  for (const token of content.matchAll(/\/([^\s/<>\[\]]+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>\s*Tj|\[([^\]]*)\]\s*TJ/g)) {
    if (token[1] !== undefined) font = fonts.get(token[1]);
    else if (token[2] !== undefined) decode(token[2]);
    else for (const part of (token[3] as string).matchAll(/<([0-9A-Fa-f\s]*)>/g)) decode(part[1] as string);
  }
  return text.replace(/\s+/g, '');
}

export function pdfPages(pdf: Buffer): PdfPage[] {
  const objects = objectsOf(pdf);
  return pageObjects(objects).map((page) => ({ text: pageText(page, objects) }));
}

/** Page objects as the file declares them (`/Type /Page`, not `/Pages`): the count the pages tree claims is checked against it. */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
