import type { ItemStandard } from '../config/types.js';

/** 申请表格文书: signed forms and letters the department files, unlike certificates that are checked and handed back. */
const FILED_TYPE = '2';
/** 纸质, 纸质/电子化 */
const PAPER_FORMS = new Set(['1', '3']);

/**
 * The paper originals the 受理地 keeps for the department and must mail within 2 working days:
 * the signed forms and letters among the materials handed in, of which the standard asks an original.
 */
export function keptPaperOriginals(standard: Pick<ItemStandard, 'materials'>, handedIn: readonly string[]): string[] {
  const given = new Set(handedIn);
  return standard.materials
    .filter((material) => given.has(material.id) && material.type.code === FILED_TYPE && PAPER_FORMS.has(material.form.code) && Number(material.originals ?? 0) >= 1)
    .map((material) => material.name);
}
