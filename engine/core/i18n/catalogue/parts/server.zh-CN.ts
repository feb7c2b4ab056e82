/** UI strings of the servers' messages: HTTP errors and refusals a clerk, author or applicant reads, in Simplified Chinese (the source; keys begin with the area's prefix). */
export const serverZhCN = {
} as const;
