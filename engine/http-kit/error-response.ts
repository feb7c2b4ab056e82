import { problemIn, TongbanError, type Problem } from '../core/errors.js';
import { uiText } from '../core/i18n/index.js';
import type { Language } from '../core/vocabulary/index.js';

export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

/**
 * Maps any thrown value to the API's error shape, its message in `language` where the catalogue has it;
 * only unexpected errors become 500s.
 */
export function toErrorResponse(error: unknown, language: Language = 'zh-CN'): { status: number; body: ErrorBody; unexpected: boolean } {
  if (error instanceof TongbanError) {
    return { status: error.status, body: { error: { code: error.code, message: error.messageIn(language), details: detailsIn(error.details, language) } }, unexpected: false };
  }
  return {
    status: 500,
    body: { error: { code: 'internal_error', message: uiText('server.http.internalError', language), details: null } },
    unexpected: true,
  };
}

/** Details in `language`: a list of problems (validation) has each catalogue message rendered there. */
function detailsIn(details: unknown, language: Language): unknown {
  if (details === undefined || details === null) return null;
  if (language === 'zh-CN' || typeof details !== 'object' || !Array.isArray((details as { problems?: unknown }).problems)) return details;
  const { problems } = details as { problems: Problem[] };
  return { ...details, problems: problems.map((problem) => problemIn(problem, language)) };
}
