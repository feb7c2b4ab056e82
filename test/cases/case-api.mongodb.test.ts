import { MongoClient } from 'mongodb';
import { mongoInstallation } from '../support/installation.js';
import { onMongo } from '../support/mongo-suite.js';
import { describeCaseApi } from './case-api.js';

onMongo('case API on mongodb', (uri) =>
  describeCaseApi('mongodb', mongoInstallation(uri), async (t, caseNumber) => {
    const client = new MongoClient(uri);
    const intakes = client.db(t.settings.mongodbDatabase).collection<{ caseNumber: string; caseEventsJson: string[] }>('intakes');
    const document = await intakes.findOne({ caseNumber });
    const events = (document?.caseEventsJson ?? []).map((json) => json.replace('正常推送', '补录推送'));
    await intakes.updateOne({ caseNumber }, { $set: { caseEventsJson: events } });
    await client.close();
  }),
);
