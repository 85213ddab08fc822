import { AuditEvent, Session, User, UserProgram } from './access.entities';
import {
  Appointment,
  Assessment,
  Charge,
  DrugScreen,
  MedicationDispense,
  MutualHelpReport,
  PlanGoal,
} from './episode-activity.entities';
import { Episode, Patient } from './episode.entities';
import { Organization, Program, Staff } from './organization.entities';
import { Report, ReportFile, ReportSchedule } from './report.entities';
import { DatasetMeta, Setting } from './settings.entities';

export * from './access.entities';
export * from './episode-activity.entities';
export * from './episode.entities';
export * from './organization.entities';
export * from './report.entities';
export * from './settings.entities';

export const ALL_ENTITIES = [
  Organization,
  Program,
  Staff,
  Patient,
  Episode,
  Appointment,
  DrugScreen,
  PlanGoal,
  Assessment,
  MedicationDispense,
  MutualHelpReport,
  Charge,
  Setting,
  DatasetMeta,
  User,
  UserProgram,
  Session,
  AuditEvent,
  ReportSchedule,
  Report,
  ReportFile,
];
