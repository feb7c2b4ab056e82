/** UI strings of the web kit shared by both apps: the API client's messages, form labels, the form validator and the router, in Simplified Chinese (the source; keys begin with the area's prefix). */
export const webKitZhCN = {
} as const;
