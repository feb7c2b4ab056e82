import { mongoInstallation } from '../support/installation.js';
import { onMongo } from '../support/mongo-suite.js';
import { describeNoticeDocuments } from './notice-documents.js';

onMongo('notice documents on mongodb', (uri) => describeNoticeDocuments('mongodb', mongoInstallation(uri)));
