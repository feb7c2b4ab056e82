import { sha256HexOfBytes } from '../../core/canonical/index.js';
import { systemClock, type Clock } from '../../core/clock/index.js';
import { BadRequestError, NotFoundError } from '../../core/errors.js';
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
  const problems: string[] = [];
  if (!(mime in TEMPLATE_FILE_TYPES)) problems.push(`模板文件类型「${mime || '（未说明）'}」不受支持；可上传 PDF、Word、Excel、WPS、JPEG 或 PNG`);
  if (content.length === 0) problems.push('模板文件是空的');
  if (content.length > TEMPLATE_FILE_LIMIT) problems.push(`模板文件过大（${content.length} 字节，上限 ${TEMPLATE_FILE_LIMIT} 字节）`);
  const fileName = name.trim();
  if (fileName === '' || fileName.length > MAX_NAME || /[\\/\u0000-\u001f]/.test(fileName)) problems.push(`模板文件名应为 1–${MAX_NAME} 个字符，不含斜杠和控制字符`);
  if (problems.length > 0) throw new BadRequestError(problems.join('；'), { problems }, 'bad_template_file');
  const hash = templateFileHash(content);
  const stored = await store.putTemplateFile({ hash, type: mime, size: content.length, content, storedAt: clock().toISOString(), storedBy: actor });
  return { hash, name: fileName, type: mime, size: content.length, stored };
}

/** A template file for download (read-only: the runtime's reader suffices). */
export async function templateFileOf({ store, hash }: { store: Pick<ConfigReader, 'getTemplateFile'>; hash: string }) {
  if (!HASH_PATTERN.test(hash)) throw new BadRequestError(`模板文件哈希应为 sha256: 加 64 位十六进制，收到「${hash}」`, { param: 'hash' }, 'bad_parameter');
  const file = await store.getTemplateFile(hash);
  if (!file) throw new NotFoundError(`没有哈希为 ${hash} 的模板文件`, { hash });
  return file;
}
