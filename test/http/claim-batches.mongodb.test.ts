import { mongoInstallation } from '../support/installation.js';
import { onMongo } from '../support/mongo-suite.js';
import { describeClaimBatches } from './claim-batches.js';

onMongo('claim deadlines per batch on mongodb', (uri) => describeClaimBatches('mongodb', mongoInstallation(uri)));
