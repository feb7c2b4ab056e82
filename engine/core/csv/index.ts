export { CsvSyntaxError, parseCsv, parseCsvRecords, toCsv, type CsvRecord } from './csv.js';
