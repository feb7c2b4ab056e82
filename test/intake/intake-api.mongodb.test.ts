import { mongoInstallation } from '../support/installation.js';
import { onMongo } from '../support/mongo-suite.js';
import { describeIntakeApi } from './intake-api.js';

onMongo('intake API on mongodb', (uri) => describeIntakeApi('mongodb', mongoInstallation(uri)));
