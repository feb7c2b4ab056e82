export {
  configShapeValidator,
  enumeration,
  enumerations,
  itemConfigSchema,
  itemStandardSchema,
  type Enumeration,
  type EnumerationName,
} from './standard-schemas.js';
