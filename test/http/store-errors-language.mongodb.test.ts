import { mongoInstallation } from '../support/installation.js';
import { onMongo } from '../support/mongo-suite.js';
import { describeStoreErrorsLanguage } from './store-errors-language.js';

onMongo('store refusals in the caller\'s language on mongodb', (uri) => describeStoreErrorsLanguage('mongodb', mongoInstallation(uri)));
