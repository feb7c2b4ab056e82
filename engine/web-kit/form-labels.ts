import { englishStringTranslator, TranslatableString } from '@rjsf/utils';

/** RJSF's own interface strings (buttons, yes/no, empty lists) in Chinese, for every form in both apps. */
const formInterfaceLabels: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.ArrayItemTitle]: '项',
  [TranslatableString.EmptyArray]: '暂无，请用下方按钮添加。',
  [TranslatableString.YesLabel]: '是',
  [TranslatableString.NoLabel]: '否',
  [TranslatableString.CloseLabel]: '关闭',
  [TranslatableString.ErrorsLabel]: '错误',
  [TranslatableString.AddButton]: '添加',
  [TranslatableString.AddItemButton]: '添加一项',
  [TranslatableString.CopyButton]: '复制',
  [TranslatableString.MoveDownButton]: '下移',
  [TranslatableString.MoveUpButton]: '上移',
  [TranslatableString.RemoveButton]: '删除',
  [TranslatableString.ClearLabel]: '清除',
  [TranslatableString.NowLabel]: '现在',
  [TranslatableString.OptionalObjectAdd]: '填写此可选项',
  [TranslatableString.OptionalObjectRemove]: '移除此可选项',
  [TranslatableString.OptionalObjectEmptyMsg]: '未填写',
};

/** RJSF's `translateString`: Chinese where we have it, RJSF's English otherwise. */
export function translateString(key: TranslatableString, params?: string[]): string {
  return formInterfaceLabels[key] ?? englishStringTranslator(key, params);
}
