import { sqliteInstallation } from '../support/installation.js';
import { describeDeferredAcceptance } from './deferred-acceptance.js';

describeDeferredAcceptance('sqlite', sqliteInstallation);
