export {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  bundleSchema,
  exportBundle,
  importBundle,
  parseBundle,
  type BundleItem,
  type CatalogueBundle,
  type ExportOptions,
  type ImportConflict,
  type ImportDraft,
  type ImportRefusal,
  type RefusalReason,
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
  type ItemImportReport,
  type ItemImportStatus,
} from './bundle.js';
export { verifyBundle, type BundleVerification, type BundleVerificationFailure } from './verify-bundle.js';
export { checkCatalogue, type CatalogueCheck, type CatalogueCheckRow } from './check.js';
export {
  aggregateDataNeeds,
  DATA_NEEDS_CSV_HEADER,
  dataNeedsCatalogue,
  dataNeedsCsv,
  dataNeedsCsvHeader,
  type DataItemEntry,
  type DataNeedsCatalogue,
  type DataNeedUse,
  type OwningDepartmentEntry,
} from './data-needs.js';
export {
  codedValue,
  draftSkeleton,
  importItemList,
  ITEM_LIST_COLUMNS,
  type ItemListImportOptions,
  type ItemListImportReport,
  type ItemListRowReport,
} from './item-list.js';
