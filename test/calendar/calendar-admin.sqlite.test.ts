import { sqliteInstallation } from '../support/installation.js';
import { describeCalendarAdmin } from './calendar-admin.js';

describeCalendarAdmin('sqlite', sqliteInstallation);
