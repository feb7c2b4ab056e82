import { sqliteInstallation } from '../support/installation.js';
import { describeIntakeApi } from './intake-api.js';

describeIntakeApi('sqlite', sqliteInstallation);
