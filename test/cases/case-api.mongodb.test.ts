import { MongoClient } from 'mongodb';
import { mongoInstallation } from '../support/installation.js';
import { onMongo } from '../support/mongo-suite.js';
import { describeCaseApi } from './case-api.js';

onMongo('case API on mongodb', (uri) =>
  describeCaseApi('mongodb', mongoInstallation(uri), async (t, caseNumber) => {
    const client = new MongoClient(uri);
    const events = client.db(t.settings.mongodbDatabase).collection<{ caseNumber: string; seq: number; eventJson: string }>('case_events');
    const document = await events.findOne({ caseNumber, seq: 2 });
    await events.updateOne({ caseNumber, seq: 2 }, { $set: { eventJson: (document?.eventJson ?? '').replace('正常推送', '补录推送') } });
    await client.close();
  }),
);
