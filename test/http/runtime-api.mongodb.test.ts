import { mongoInstallation } from '../support/installation.js';
import { onMongo } from '../support/mongo-suite.js';
import { describeRuntimeApi } from './runtime-api.js';

onMongo('runtime API on mongodb', (uri) => describeRuntimeApi('mongodb', mongoInstallation(uri)));
