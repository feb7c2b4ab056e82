/** UI strings of the catalogue and item lifecycle services (engine/services/catalogue, items), in Simplified Chinese (the source; keys begin with `services.catalogue.`). */
export const servicesCatalogueZhCN = {
} as const;
