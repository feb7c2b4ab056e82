import { sqliteInstallation } from '../support/installation.js';
import { describeDesignerApi } from './designer-api.js';

describeDesignerApi('sqlite', sqliteInstallation);
