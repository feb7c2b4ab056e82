import { mongoInstallation } from '../support/installation.js';
import { onMongo } from '../support/mongo-suite.js';
import { describeProgrammeApi } from './programme-api.js';

onMongo('三清单 and 周调度 / 月通报 API on mongodb', (uri) => describeProgrammeApi('mongodb', mongoInstallation(uri)));
