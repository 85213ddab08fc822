import { Route } from '@angular/router';
import { roleAllowed, signedIn, signedOut } from './auth.guards';
import {
  ADMIN_PAGE,
  ALERTS_PAGE,
  ANALYSIS_PAGES,
  DATA_PAGE,
  EARLY_WARNING_PAGE,
  NOTES_PAGE,
  NOTIFICATIONS_PAGE,
  OVERVIEW_PAGE,
  REPORTS_PAGE,
  TARGETS_PAGE,
} from './pages';

const analysisPage = (path: string) =>
  ANALYSIS_PAGES.find((page) => page.path === path) as (typeof ANALYSIS_PAGES)[number];

/**
 * Route data of a page whose header states "Data as of" (with the last load) itself; on the other pages the
 * shell states it above the page.
 */
export const STATES_AS_OF = 'statesAsOf';

/** The pages, each behind sign-in and its roles (route data read by the roleAllowed guard). */
const pageRoutes: Route[] = [
  {
    path: OVERVIEW_PAGE.path,
    title: OVERVIEW_PAGE.title,
    data: { roles: OVERVIEW_PAGE.roles, [STATES_AS_OF]: true },
    loadComponent: () => import('./features/overview/overview-page').then((m) => m.OverviewPage),
  },
  {
    path: 'evidence',
    title: analysisPage('evidence').title,
    data: { roles: analysisPage('evidence').roles, [STATES_AS_OF]: true },
    loadComponent: () => import('./features/evidence/evidence-page').then((m) => m.EvidencePage),
  },
  {
    // One claim's card in full; the id is bound to the page's `id` input by withComponentInputBinding().
    path: 'evidence/:id',
    title: 'Evidence claim',
    data: { roles: analysisPage('evidence').roles },
    loadComponent: () => import('./features/evidence/claim-page').then((m) => m.ClaimPage),
  },
  {
    path: 'retention',
    title: analysisPage('retention').title,
    data: { roles: analysisPage('retention').roles },
    loadComponent: () => import('./features/retention/retention-page').then((m) => m.RetentionPage),
  },
  {
    path: 'attendance',
    title: analysisPage('attendance').title,
    data: { roles: analysisPage('attendance').roles },
    loadComponent: () => import('./features/attendance/attendance-page').then((m) => m.AttendancePage),
  },
  {
    path: 'costs',
    title: analysisPage('costs').title,
    data: { roles: analysisPage('costs').roles, [STATES_AS_OF]: true },
    loadComponent: () => import('./features/costs/costs-page').then((m) => m.CostsPage),
  },
  {
    path: 'quality',
    title: analysisPage('quality').title,
    data: { roles: analysisPage('quality').roles, [STATES_AS_OF]: true },
    loadComponent: () => import('./features/quality/quality-page').then((m) => m.QualityPage),
  },
  {
    path: EARLY_WARNING_PAGE.path,
    title: EARLY_WARNING_PAGE.title,
    data: { roles: EARLY_WARNING_PAGE.roles },
    loadComponent: () => import('./features/early-warning/early-warning-page').then((m) => m.EarlyWarningPage),
  },
  {
    path: REPORTS_PAGE.path,
    title: REPORTS_PAGE.title,
    data: { roles: REPORTS_PAGE.roles },
    loadComponent: () => import('./features/reports/reports-page').then((m) => m.ReportsPage),
  },
  {
    path: NOTES_PAGE.path,
    title: NOTES_PAGE.title,
    data: { roles: NOTES_PAGE.roles },
    loadComponent: () => import('./features/notes/notes-page').then((m) => m.NotesPage),
  },
  {
    path: ALERTS_PAGE.path,
    title: ALERTS_PAGE.title,
    data: { roles: ALERTS_PAGE.roles },
    loadComponent: () => import('./features/alerts/alerts-page').then((m) => m.AlertsPage),
  },
  {
    path: NOTIFICATIONS_PAGE.path,
    title: NOTIFICATIONS_PAGE.title,
    data: { roles: NOTIFICATIONS_PAGE.roles },
    loadComponent: () => import('./features/alerts/notifications-page').then((m) => m.NotificationsPage),
  },
  {
    path: TARGETS_PAGE.path,
    title: TARGETS_PAGE.title,
    data: { roles: TARGETS_PAGE.roles },
    loadComponent: () => import('./features/targets/targets-page').then((m) => m.TargetsPage),
  },
  {
    path: DATA_PAGE.path,
    title: DATA_PAGE.title,
    data: { roles: DATA_PAGE.roles },
    loadComponent: () => import('./features/data/data-page').then((m) => m.DataPage),
  },
  {
    path: ADMIN_PAGE.path,
    title: ADMIN_PAGE.title,
    data: { roles: ADMIN_PAGE.roles },
    loadComponent: () => import('./features/admin/admin-page').then((m) => m.AdminPage),
  },
  {
    // Not in the navigation: reached from the "How is this computed?" link of each chart.
    path: 'definitions',
    title: 'Definitions',
    loadComponent: () => import('./features/definitions/definitions-page').then((m) => m.DefinitionsPage),
  },
];

export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: OVERVIEW_PAGE.path },
  {
    path: 'login',
    title: 'Sign in',
    canActivate: [signedOut],
    loadComponent: () => import('./features/sign-in/login-page').then((m) => m.LoginPage),
  },
  ...pageRoutes.map((route): Route => ({ ...route, canActivate: [signedIn, roleAllowed] })),
  { path: '**', redirectTo: OVERVIEW_PAGE.path },
];
