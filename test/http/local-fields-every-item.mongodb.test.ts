import { mongoInstallation } from '../support/installation.js';
import { onMongo } from '../support/mongo-suite.js';
import { describeLocalFieldsForEveryItem } from './local-fields-every-item.js';

onMongo('local fields on mongodb', (uri) => describeLocalFieldsForEveryItem('mongodb', mongoInstallation(uri)));
