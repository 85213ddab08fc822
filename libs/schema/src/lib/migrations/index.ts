import { InitialSchema1764288000000 } from './1764288000000-initial-schema';
import { EpisodeFacts1764300000000 } from './1764300000000-episode-facts';
import { AccessControl1764400000000 } from './1764400000000-access-control';
import { WeekdayAttendance1764500000000 } from './1764500000000-weekday-attendance';
import { Reports1764600000000 } from './1764600000000-reports';
import { Imports1764700000000 } from './1764700000000-imports';
import { IncrementalFacts1764800000000 } from './1764800000000-incremental-facts';
import { SignInThrottle1765000000000 } from './1765000000000-sign-in-throttle';
import { SignInClaim1765000000001 } from './1765000000001-sign-in-claim';
import { RecordKeys1765100000000 } from './1765100000000-record-keys';
import { ReadmissionInFacts1765200000000 } from './1765200000000-readmission-in-facts';
import { ComparatorSettings1765300000000 } from './1765300000000-comparator-settings';
import { GroupedAppointments1765400000000 } from './1765400000000-grouped-appointments';
import { BenchmarksAndTargets1765500000000 } from './1765500000000-benchmarks-and-targets';
import { Annotations1765600000000 } from './1765600000000-annotations';
import { Alerts1765700000000 } from './1765700000000-alerts';
import { QualityDates1765800000000 } from './1765800000000-quality-dates';
import { FactsRevision1765900000000 } from './1765900000000-facts-revision';

/** Every committed migration, oldest first. A bundled API cannot glob a folder, so they are listed. */
export const ALL_MIGRATIONS = [
  InitialSchema1764288000000,
  EpisodeFacts1764300000000,
  AccessControl1764400000000,
  WeekdayAttendance1764500000000,
  Reports1764600000000,
  Imports1764700000000,
  IncrementalFacts1764800000000,
  SignInThrottle1765000000000,
  SignInClaim1765000000001,
  RecordKeys1765100000000,
  ReadmissionInFacts1765200000000,
  ComparatorSettings1765300000000,
  GroupedAppointments1765400000000,
  BenchmarksAndTargets1765500000000,
  Annotations1765600000000,
  Alerts1765700000000,
  QualityDates1765800000000,
  FactsRevision1765900000000,
];
