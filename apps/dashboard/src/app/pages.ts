import type { UserRole } from '@iop/contracts';

/** A page of the dashboard: one route and one entry of the side navigation. */
export interface DashboardPage {
  path: string;
  title: string;
  /** What the page shows, in a sentence. */
  summary: string;
  /** Who may open it (docs/SECURITY.md); the API enforces the same on every request. */
  roles: readonly UserRole[];
}

const EVERY_ROLE: readonly UserRole[] = ['director', 'payer', 'quality', 'admin'];
/** Pages with episode-level analyses: not for payers, who see aggregates of cost and quality only. */
const ANALYSTS: readonly UserRole[] = ['director', 'quality', 'admin'];

export const OVERVIEW_PAGE: DashboardPage = {
  path: 'overview',
  title: 'Overview',
  roles: EVERY_ROLE,
  summary: 'Episodes, active census and attendance across the network.',
};

/** The analysis pages after the Overview, each a lazy route of its own (app.routes.ts). */
export const ANALYSIS_PAGES: readonly DashboardPage[] = [
  {
    path: 'evidence',
    title: 'Evidence board',
    roles: ANALYSTS,
    summary:
      'Each claim of the article as a card: the chart that tests it on your programs’ data, the effect ' +
      'size with its 95% confidence interval, n, an estimate adjusted for case mix, and a plain verdict.',
  },
  {
    path: 'retention',
    title: 'Retention',
    roles: ANALYSTS,
    summary:
      'Length of stay, retention curves with their confidence bands, and completion, dropout and ' +
      'transfer rates by program, track and schedule.',
  },
  {
    path: 'attendance',
    title: 'Attendance & compliance',
    roles: ANALYSTS,
    summary:
      'Attended against scheduled hours per week, no-shows and cancellations, drug-screen results and ' +
      'treatment-plan compliance by program, counselor and schedule.',
  },
  {
    path: 'costs',
    title: 'Cost-effectiveness',
    roles: EVERY_ROLE,
    summary:
      'Cost per episode, per completer, per patient retained 90 days and per abstinent patient, with IOP ' +
      'set against residential, inpatient and standard outpatient care.',
  },
  {
    path: 'quality',
    title: 'Quality measures',
    roles: EVERY_ROLE,
    summary:
      'IET initiation and engagement, OUD pharmacotherapy continuity (POD), medication adherence (PDC) and ' +
      'follow-up after residential or inpatient care: each rate with its 95% interval and exclusions, by month, ' +
      'program and payer, and the audited patient list behind it.',
  },
];

/** Patients to call this week, with how well the model ranks: named patients, so directors and admins only. */
export const EARLY_WARNING_PAGE: DashboardPage = {
  path: 'early-warning',
  title: 'Early warning',
  roles: ['director', 'admin'],
  summary:
    'Patients in treatment ranked by their risk of dropping out within 14 days, the two reasons behind each, and how ' +
    'well the model ranked patients it had not seen (C-statistic, Brier score, calibration); plain rules instead ' +
    'when it does not rank well enough.',
};

/** PDF reports now and on a schedule, their history and the episode exports; listed after the analyses. */
export const REPORTS_PAGE: DashboardPage = {
  path: 'reports',
  title: 'Reports',
  roles: EVERY_ROLE,
  summary:
    'A PDF outcomes report (payers: the payer report, suppressed) generated now with its progress or on a weekly ' +
    'or monthly schedule, the history to download again, and the selected episodes as CSV or XLSX.',
};

/**
 * Notes on the charts, listed and kept on their own page: every role reads them (a payer the network-wide ones
 * only); directors, quality and admins write them.
 */
export const NOTES_PAGE: DashboardPage = {
  path: 'notes',
  title: 'Notes',
  roles: EVERY_ROLE,
  summary:
    'Dated notes on the charts (“evening group started”, “counselor on leave”) for a program or the whole network, ' +
    'shown as markers on the monthly charts and in their tables.',
};

/**
 * A user's own alert rules on any metric (the toolbar's bell counts what they found): every role, a payer on their
 * own payer only.
 */
export const ALERTS_PAGE: DashboardPage = {
  path: 'alerts',
  title: 'Alerts',
  roles: EVERY_ROLE,
  summary:
    'Rules on any metric, for all programs in view, one program or one payer: above or below a threshold, or outside ' +
    'the funnel’s 99.8% limits, evaluated after every data load and every night.',
};

/** What the rules found: reached from the toolbar's bell, not the navigation. */
export const NOTIFICATIONS_PAGE: DashboardPage = {
  path: 'notifications',
  title: 'Notifications',
  roles: EVERY_ROLE,
  summary: 'What your alert rules found, with each figure’s interval and n; mark them read.',
};

/** A program's own targets per metric: directors for their programs, admins for any; drawn beside the figures. */
export const TARGETS_PAGE: DashboardPage = {
  path: 'targets',
  title: 'Targets',
  roles: ['director', 'admin'],
  summary:
    'Each program’s own target per metric, set, changed or cleared, and drawn with a plain status beside the ' +
    'Overview cards and the quality measures when that program is selected.',
};

/** The program's own data: imports with their check and history, and the quality of what is loaded. Admins only. */
export const DATA_PAGE: DashboardPage = {
  path: 'data',
  title: 'Data',
  roles: ['admin'],
  summary:
    'Import a program’s own data (CSV files or FHIR R4) after checking what would change, the history of imports ' +
    'with their rejected rows, and the completeness, plausibility and freshness of the loaded data.',
};

/** Accounts, program scopes and the audit log: for admins only, so it is in their navigation only. */
export const ADMIN_PAGE: DashboardPage = {
  path: 'admin',
  title: 'Admin',
  roles: ['admin'],
  summary:
    'Users, their roles and program scopes, the benchmarks with their sources, and the audit log with its CSV export.',
};

export const NAVIGATION_PAGES: readonly DashboardPage[] = [
  OVERVIEW_PAGE,
  ...ANALYSIS_PAGES,
  EARLY_WARNING_PAGE,
  REPORTS_PAGE,
  NOTES_PAGE,
  ALERTS_PAGE,
  TARGETS_PAGE,
  DATA_PAGE,
  ADMIN_PAGE,
];
