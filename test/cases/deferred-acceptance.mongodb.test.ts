import { mongoInstallation } from '../support/installation.js';
import { onMongo } from '../support/mongo-suite.js';
import { describeDeferredAcceptance } from './deferred-acceptance.js';

onMongo('容缺受理 on mongodb', (uri) => describeDeferredAcceptance('mongodb', mongoInstallation(uri)));
