import { sqliteInstallation } from '../support/installation.js';
import { describeStoreErrorsLanguage } from './store-errors-language.js';

describeStoreErrorsLanguage('sqlite', sqliteInstallation);
