/** UI strings of the designer's 表单 tab (FormTab, formModel, rjsf), in Simplified Chinese (the source; keys begin with the area's prefix). */
export const designerFormZhCN = {
} as const;
