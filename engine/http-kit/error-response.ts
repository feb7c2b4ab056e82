import { TongbanError } from '../core/errors.js';

export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

/** Maps any thrown value to the API's error shape; only unexpected errors become 500s. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody; unexpected: boolean } {
  if (error instanceof TongbanError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message, details: error.details ?? null } }, unexpected: false };
  }
  return {
    status: 500,
    body: { error: { code: 'internal_error', message: '服务器内部错误，请稍后重试；如持续出现请联系管理员', details: null } },
    unexpected: true,
  };
}
