import { Route } from '@angular/router';
import { OVERVIEW_PAGE, UPCOMING_PAGES } from './pages';

export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: OVERVIEW_PAGE.path },
  {
    path: OVERVIEW_PAGE.path,
    title: OVERVIEW_PAGE.title,
    loadComponent: () => import('./overview/overview-page').then((m) => m.OverviewPage),
  },
  {
    // Not in the navigation: reached from the "How is this computed?" link of each chart.
    path: 'definitions',
    title: 'Definitions',
    loadComponent: () => import('./definitions/definitions-page').then((m) => m.DefinitionsPage),
  },
  ...UPCOMING_PAGES.map(
    (page): Route => ({
      path: page.path,
      title: page.title,
      // Bound to the placeholder's inputs by withComponentInputBinding().
      data: { heading: page.title, summary: page.summary },
      loadComponent: () => import('./placeholder/placeholder-page').then((m) => m.PlaceholderPage),
    }),
  ),
  { path: '**', redirectTo: OVERVIEW_PAGE.path },
];
