import { sqliteInstallation } from '../support/installation.js';
import { describeReviewBypass } from './review-bypass.js';

describeReviewBypass('sqlite', sqliteInstallation);
