/** UI strings of the designer's 审核 tab, sign-in, audit actions, outcome and people labels, in Simplified Chinese (the source; keys begin with the area's prefix). */
export const designerReviewZhCN = {
} as const;
