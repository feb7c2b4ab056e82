import { mongoInstallation } from '../support/installation.js';
import { onMongo } from '../support/mongo-suite.js';
import { describeDesignerApi } from './designer-api.js';

onMongo('designer API on mongodb', (uri) => describeDesignerApi('mongodb', mongoInstallation(uri)));
