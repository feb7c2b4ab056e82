import { MongoClient, type ObjectId } from 'mongodb';
import { canonicalJson, type VersionRecord } from '../../engine/core/index.js';
import { mongoInstallation, type TestInstallation } from '../support/installation.js';
import { onMongo } from '../support/mongo-suite.js';
import { describeSignedPublication } from './signed-publication.js';

onMongo('signed publication on mongodb', (uri) => {
  async function withVersions<T>(t: TestInstallation, work: (versions: ReturnType<ReturnType<MongoClient['db']>['collection']>) => Promise<T>): Promise<T> {
    const client = new MongoClient(uri);
    try {
      return await work(client.db(t.settings.mongodbDatabase).collection('versions'));
    } finally {
      await client.close();
    }
  }
  describeSignedPublication('mongodb', mongoInstallation(uri), {
    rewriteVersion: (t, code, version, edit) =>
      withVersions(t, async (versions) => {
        const document = (await versions.findOne({ code, version })) as unknown as VersionRecord & { _id: ObjectId; configJson: string; publicationJson?: string };
        const { _id, configJson, publicationJson: _event, ...meta } = document;
        const { config, ...edited } = edit({ ...meta, config: JSON.parse(configJson) });
        await versions.updateOne({ _id }, { $set: { ...edited, configJson: canonicalJson(config) } });
      }),
    insertRawVersion: (t, record) =>
      withVersions(t, async (versions) => {
        const { config, ...meta } = record;
        await versions.insertOne({ ...meta, configJson: canonicalJson(config) });
      }),
  });
});
