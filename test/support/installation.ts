import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { createPrincipal, type NewPrincipal } from '../../engine/services/index.js';
import { createDesignerApp } from '../../designer/server/designer-app.js';
import { createLogger } from '../../engine/http-kit/index.js';
import type { Clock } from '../../engine/core/index.js';
import { openConfigReader, openConfigStore, type StoreSettings, openDecisionLog, openIntakeStore } from '../../engine/adapters/index.js';
import type { DecisionLogWriter, ConfigReader, ConfigStore, IntakeStore } from '../../engine/ports/index.js';

/** A whole installation for a test: a real store (SQLite file or MongoDB database), the designer app and the runtime reader. */
export interface TestInstallation {
  settings: StoreSettings;
  store: ConfigStore;
  reader: ConfigReader;
  decisionLog: DecisionLogWriter;
  /** The embedded runtime's intake records (办件). */
  intakes: IntakeStore;
  app: Express;
  /** Every log line the app wrote, for tests that check what logs may contain. */
  logs: string[];
  /** Authorization headers of the test principals, by name. */
  as: Record<TestPrincipal, { Authorization: string }>;
  /** A client acting as the region administrator (for steps whose actor does not matter). */
  admin(): ReturnType<typeof request.agent>;
  close(): Promise<void>;
}

/** Departments and localities of the test principals. */
export const TEST_DEPARTMENT = '内蒙古自治区人力资源和社会保障厅';
export const OTHER_DEPARTMENT = '内蒙古自治区民政厅';

export const TEST_PRINCIPALS = {
  admin: { id: 'admin-test', name: '管理员', role: 'admin' },
  author: { id: 'author-zhang', name: '张编制', role: 'author', department: TEST_DEPARTMENT },
  author2: { id: 'author-wang', name: '王编制', role: 'author', department: TEST_DEPARTMENT },
  otherAuthor: { id: 'author-zhao', name: '赵编制', role: 'author', department: OTHER_DEPARTMENT },
  reviewer: { id: 'reviewer-li', name: '李审核', role: 'reviewer' },
  auditor: { id: 'auditor-sun', name: '孙审计', role: 'auditor' },
  operator: { id: 'operator-xincheng', name: '新城区窗口', role: 'operator', division: '150102' },
  leagueOperator: { id: 'operator-hohhot', name: '呼和浩特市窗口', role: 'operator', division: '150100' },
  otherOperator: { id: 'operator-alxa-left', name: '阿拉善左旗窗口', role: 'operator', division: '152921' },
  handler: { id: 'handler-xincheng-rs', name: '周审批', role: 'handler', department: '新城区人力资源和社会保障局', division: '150102' },
  otherHandler: { id: 'handler-alxa-left-rs', name: '吴审批', role: 'handler', department: '阿拉善左旗人力资源和社会保障局', division: '152921' },
} satisfies Record<string, NewPrincipal & { id: string }>;

export type TestPrincipal = keyof typeof TEST_PRINCIPALS;

/** `clock`: the server's clock (case events and due dates), default the system's. */
export type InstallationFactory = (options?: { bodyLimit?: number; clock?: Clock }) => Promise<TestInstallation>;

async function install(settings: StoreSettings, cleanup: () => Promise<void>, bodyLimit?: number, clock?: Clock): Promise<TestInstallation> {
  const store = await openConfigStore(settings);
  const reader = await openConfigReader(settings);
  const decisionLog = await openDecisionLog(settings);
  const intakes = await openIntakeStore(settings);
  const logs: string[] = [];
  const logger = createLogger((line) => logs.push(line));
  const app = createDesignerApp({ store, runtimeReader: reader, decisionLog, intakeStore: intakes, logger, ...(bodyLimit ? { bodyLimit } : {}), ...(clock ? { clock } : {}) });
  const as = {} as TestInstallation['as'];
  for (const [key, principal] of Object.entries(TEST_PRINCIPALS)) {
    const { token } = await createPrincipal({ store, input: principal, actor: 'test-setup' });
    as[key as TestPrincipal] = { Authorization: `Bearer ${token}` };
  }
  return {
    settings, store, reader, decisionLog, intakes, app, logs, as,
    admin: () => request.agent(app).set(as.admin),
    close: async () => {
      await intakes.close();
      await decisionLog.close();
      await reader.close();
      await store.close();
      await cleanup();
    },
  };
}

export const sqliteInstallation: InstallationFactory = async (options = {}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-test-'));
  return install({ dataDir, mongodbDatabase: 'unused' }, async () => rmSync(dataDir, { recursive: true, force: true }), options.bodyLimit, options.clock);
};

let counter = 0;

export function mongoInstallation(uri: string): InstallationFactory {
  return async (options = {}) => {
    const database = `tongban_test_${process.pid}_${Date.now()}_${counter++}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'tongban-test-'));
    return install({ dataDir, mongodbUri: uri, mongodbDatabase: database }, async () => {
      const { MongoClient } = await import('mongodb');
      const client = new MongoClient(uri);
      await client.db(database).dropDatabase().catch(() => undefined);
      await client.close();
      rmSync(dataDir, { recursive: true, force: true });
    }, options.bodyLimit, options.clock);
  };
}
