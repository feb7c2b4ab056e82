import { englishStringTranslator, TranslatableString } from '@rjsf/utils';
import { uiTexts, type CatalogueKey, type Language } from '../core/index.js';

/** RJSF's own interface strings (buttons, yes/no, empty lists), for every form in both apps: their catalogue keys. */
const formInterfaceLabels: Partial<Record<TranslatableString, CatalogueKey>> = {
  [TranslatableString.ArrayItemTitle]: 'webkit.form.arrayItem',
  [TranslatableString.EmptyArray]: 'webkit.form.emptyArray',
  [TranslatableString.YesLabel]: 'webkit.form.yes',
  [TranslatableString.NoLabel]: 'webkit.form.no',
  [TranslatableString.CloseLabel]: 'webkit.form.close',
  [TranslatableString.ErrorsLabel]: 'webkit.form.errors',
  [TranslatableString.AddButton]: 'webkit.form.add',
  [TranslatableString.AddItemButton]: 'webkit.form.addItem',
  [TranslatableString.CopyButton]: 'webkit.form.copy',
  [TranslatableString.MoveDownButton]: 'webkit.form.moveDown',
  [TranslatableString.MoveUpButton]: 'webkit.form.moveUp',
  [TranslatableString.RemoveButton]: 'webkit.form.remove',
  [TranslatableString.ClearLabel]: 'webkit.form.clear',
  [TranslatableString.NowLabel]: 'webkit.form.now',
  [TranslatableString.OptionalObjectAdd]: 'webkit.form.optionalAdd',
  [TranslatableString.OptionalObjectRemove]: 'webkit.form.optionalRemove',
  [TranslatableString.OptionalObjectEmptyMsg]: 'webkit.form.optionalEmpty',
};

/**
 * RJSF's `translateString` in one language (an applicant's form follows the language switch):
 * the catalogue's text where we have one, RJSF's English otherwise.
 */
export function formStringTranslator(language: Language): (key: TranslatableString, params?: string[]) => string {
  const text = uiTexts(language);
  return (key, params) => {
    const label = formInterfaceLabels[key];
    return label ? text(label) : englishStringTranslator(key, params);
  };
}

/** RJSF's `translateString` in Chinese: the staff screens' forms. */
export const translateString = formStringTranslator('zh-CN');
