import { sqliteInstallation } from '../support/installation.js';
import { describeLocalFieldsForEveryItem } from './local-fields-every-item.js';

describeLocalFieldsForEveryItem('sqlite', sqliteInstallation);
