import { ChartAnnotation } from './annotation.entities';
import { AuditEvent, Session, User, UserProgram } from './access.entities';
import { AlertRuleEntity, NotificationEntity } from './alert.entities';
import { MetricBenchmark, MetricTarget } from './benchmark.entities';
import { Report, ReportFile, ReportSchedule } from './report.entities';
import { Setting } from './settings.entities';

export * from './access.entities';
export * from './alert.entities';
export * from './annotation.entities';
export * from './benchmark.entities';
export * from './report.entities';
export * from './settings.entities';

/**
 * The tables the API reads and writes row by row, through repositories: accounts, their programs and
 * sessions, the audit log, report jobs, files and schedules, the organisation's settings, and its benchmarks
 * and program targets, the notes on the charts, and alert rules and their notifications. The clinical
 * and analytics tables (organizations, programs, staff, patients, episodes and their activity, dataset_meta)
 * have no entity: they are loaded in bulk by the synthetic loader (COPY) and read only by aggregate SQL over
 * the episode_facts table (derived by refresh_episode_facts), which an entity would not express; the migrations
 * are their one definition.
 */
export const ALL_ENTITIES = [
  User,
  UserProgram,
  Session,
  AuditEvent,
  ReportSchedule,
  Report,
  ReportFile,
  Setting,
  MetricBenchmark,
  MetricTarget,
  ChartAnnotation,
  AlertRuleEntity,
  NotificationEntity,
];
