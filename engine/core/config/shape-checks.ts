import type { ErrorObject } from 'ajv';
import { toFieldError } from '../form/field-messages.js';
import { configShapeValidator } from '../standard/standard-schemas.js';
import { allowedValuesText, configTitleAt } from './config-titles.js';
import type { CatalogueMessage } from '../errors.js';
import { uiText } from '../i18n/catalogue/catalogue.js';
import type { ProblemList } from './problem-list.js';

function parentPointer(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

/**
 * The config against standards/item-config.schema.json (which embeds the item-standard schema),
 * every value named by its Chinese title (resolved through $refs), options by their labels.
 * A failed `oneOf` of coded options reports once ("not one of the options"), not once per option.
 */
export function checkShape(config: unknown, problems: ProblemList): boolean {
  const validate = configShapeValidator();
  if (validate(config)) return true;
  const errors = validate.errors ?? [];
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const kept = errors.filter((e: ErrorObject) => !(oneOfPaths.has(e.instancePath) && e.keyword !== 'oneOf' && e.schemaPath.includes('/oneOf/')));
  const seen = new Set<string>();
  for (const error of kept) {
    const fieldError = error.keyword === 'oneOf' ? { ...toFieldError({ ...error, keyword: 'enum' }, configTitleAt), keyword: 'oneOf' } : toFieldError(error, configTitleAt);
    let message: string | CatalogueMessage = fieldError.message;
    /** The message's Chinese, what a repeated problem is recognised by. */
    let text = fieldError.message;
    const title = configTitleAt(fieldError.path);
    if (error.keyword === 'additionalProperties') {
      const parent = configTitleAt(parentPointer(fieldError.path)) ?? uiText('core.config.titles.config');
      const values = { parent, property: String((error.params as { additionalProperty?: unknown }).additionalProperty) };
      message = { key: 'core.config.shape.additionalProperty', values };
      text = uiText(message.key, 'zh-CN', values);
    } else if (error.keyword === 'enum' && Array.isArray((error.params as { allowedValues?: unknown }).allowedValues) && title) {
      const values = { title, allowed: allowedValuesText((error.params as { allowedValues: unknown[] }).allowedValues) };
      message = { key: 'core.config.shape.allowedValues', values };
      text = uiText(message.key, 'zh-CN', values);
    }
    const key = `${fieldError.path}\u0000${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.add(fieldError.path, `schema.${fieldError.keyword}`, message);
  }
  return false;
}
