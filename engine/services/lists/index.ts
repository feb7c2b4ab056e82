export { parseDataListEntry, putDataListEntry, deleteDataListEntry, dataListCsv, RESPONSIBILITY_CSV_HEADER, NEGATIVE_CSV_HEADER, type DataListWrite } from './data-lists.js';
