export { missingTemplateFileProblems, TEMPLATE_FILE_LIMIT, TEMPLATE_FILE_TYPES, templateFileHash, templateFileOf, uploadTemplateFile } from './template-files.js';
