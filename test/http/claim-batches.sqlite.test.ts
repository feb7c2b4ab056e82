import { sqliteInstallation } from '../support/installation.js';
import { describeClaimBatches } from './claim-batches.js';

describeClaimBatches('sqlite', sqliteInstallation);
