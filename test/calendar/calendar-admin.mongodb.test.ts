import { mongoInstallation } from '../support/installation.js';
import { onMongo } from '../support/mongo-suite.js';
import { describeCalendarAdmin } from './calendar-admin.js';

onMongo('calendar administration on mongodb', (uri) => describeCalendarAdmin('mongodb', mongoInstallation(uri)));
