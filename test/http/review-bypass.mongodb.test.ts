import { mongoInstallation } from '../support/installation.js';
import { onMongo } from '../support/mongo-suite.js';
import { describeReviewBypass } from './review-bypass.js';

onMongo('review bypass on mongodb', (uri) => describeReviewBypass('mongodb', mongoInstallation(uri)));
