import { sqliteInstallation } from '../support/installation.js';
import { describeNoticeDocuments } from './notice-documents.js';

describeNoticeDocuments('sqlite', sqliteInstallation);
