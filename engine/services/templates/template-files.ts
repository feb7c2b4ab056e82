import { sha256HexOfBytes } from '../../core/canonical/index.js';
import { systemClock, type Clock } from '../../core/clock/index.js';
import { BadRequestError, catalogueProblem, catalogueText, listValue, NotFoundError, textValue, type ComposedMessage, type Problem } from '../../core/errors.js';
import { asList, asRecord } from '../../core/config/lenient-config.js';
import type { TemplateFileRef } from '../../core/config/types.js';
import type { ConfigReader, ConfigStore } from '../../ports/config-store/port.js';

/** What a material template may be: the formats a 办事指南 offers for download. */
export const TEMPLATE_FILE_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.ms-works': 'WPS',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

/** Largest template file (a blank form or a filled-in sample is rarely more than a few hundred KB). */
export const TEMPLATE_FILE_LIMIT = 2 * 1024 * 1024;

const HASH_PATTERN = /^sha256:[0-9a-f]{64}$/;
const MAX_NAME = 200;

export function templateFileHash(content: Uint8Array): string {
  return `sha256:${sha256HexOfBytes(content)}`;
}

/**
 * Stores an uploaded template file by its content hash and returns the reference the material
 * template carries ({ hash, name }). Type and size are checked first; nothing is written on refusal.
 */
export async function uploadTemplateFile({ store, clock = systemClock, content, type, name, actor }: { store: ConfigStore; clock?: Clock; content: Uint8Array; type: string; name: string; actor: string }): Promise<TemplateFileRef & { type: string; size: number; stored: boolean }> {
  const mime = type.split(';')[0]?.trim().toLowerCase() ?? '';
  const problems: ComposedMessage[] = [];
  if (!(mime in TEMPLATE_FILE_TYPES)) problems.push({ key: 'services.templates.typeUnsupported', values: { type: mime || textValue('services.templates.typeUnstated') } });
  if (content.length === 0) problems.push({ key: 'services.templates.empty' });
  if (content.length > TEMPLATE_FILE_LIMIT) problems.push({ key: 'services.templates.tooLarge', values: { size: content.length, limit: TEMPLATE_FILE_LIMIT } });
  const fileName = name.trim();
  if (fileName === '' || fileName.length > MAX_NAME || /[\\/\u0000-\u001f]/.test(fileName)) problems.push({ key: 'services.templates.badName', values: { max: MAX_NAME } });
  if (problems.length > 0) {
    // One message naming every problem, each clause (and the separator) in the answer's language.
    const reasons = listValue(problems.map(({ key, values }) => textValue(key, values)), 'server.notice.clauseSeparator');
    throw new BadRequestError({ key: 'services.templates.refused', values: { reasons } }, { problems: problems.map((p) => catalogueText(p)) }, 'bad_template_file');
  }
  const hash = templateFileHash(content);
  const stored = await store.putTemplateFile({ hash, type: mime, size: content.length, content, storedAt: clock().toISOString(), storedBy: actor });
  return { hash, name: fileName, type: mime, size: content.length, stored };
}

/** A template file for download (read-only: the runtime's reader suffices). */
export async function templateFileOf({ store, hash }: { store: Pick<ConfigReader, 'getTemplateFile'>; hash: string }) {
  if (!HASH_PATTERN.test(hash)) throw new BadRequestError({ key: 'services.templates.badHash', values: { hash } }, { param: 'hash' }, 'bad_parameter');
  const file = await store.getTemplateFile(hash);
  if (!file) throw new NotFoundError({ key: 'services.templates.noSuchFile', values: { hash } }, { hash });
  return file;
}

/**
 * One problem per material template whose file reference is not in the store (an upload that
 * never arrived, a hash typed by hand, a draft copied from another installation): a version
 * must never be published with a 下载模板 link that answers 404.
 */
export async function missingTemplateFileProblems({ store, config }: { store: Pick<ConfigReader, 'getTemplateFile'>; config: unknown }): Promise<Problem[]> {
  const standard = asRecord(asRecord(config).standard);
  const materialNames = new Map<string, string>();
  for (const material of asList(standard.materials).map(asRecord)) {
    if (typeof material.id === 'string' && typeof material.name === 'string') materialNames.set(material.id, material.name);
  }
  const problems: Problem[] = [];
  const templates = asList(standard.materialTemplates).map(asRecord);
  for (const [i, template] of templates.entries()) {
    const file = asRecord(template.file);
    // A malformed reference is the schema's to report; only a well-formed hash is looked up.
    if (typeof file.hash !== 'string' || !HASH_PATTERN.test(file.hash)) continue;
    if (await store.getTemplateFile(file.hash)) continue;
    const materialId = typeof template.materialId === 'string' ? template.materialId : '';
    const material = materialNames.get(materialId) ?? (typeof template.name === 'string' && template.name ? template.name : materialId);
    const named = typeof file.name === 'string' && file.name !== '';
    problems.push(catalogueProblem(`/standard/materialTemplates/${i}/file`, 'standard.template-file-missing', named
      ? { key: 'services.templates.fileMissing', values: { material, fileName: file.name as string } }
      : { key: 'services.templates.fileMissingUnnamed', values: { material } }));
  }
  return problems;
}
