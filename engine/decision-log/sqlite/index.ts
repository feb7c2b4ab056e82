export {
  openSqliteDecisionLog,
  openSqliteDecisionLogReader,
  SqliteDecisionLogReader,
  SqliteDecisionLogWriter,
  type SqliteDecisionLogOptions,
} from './sqlite-decision-log.js';
