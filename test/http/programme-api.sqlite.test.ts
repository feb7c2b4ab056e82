import { sqliteInstallation } from '../support/installation.js';
import { describeProgrammeApi } from './programme-api.js';

describeProgrammeApi('sqlite', sqliteInstallation);
