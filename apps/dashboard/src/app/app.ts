import { BreakpointObserver } from '@angular/cdk/layout';
import { NgComponentOutlet } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  linkedSignal,
  signal,
  Type,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import {
  type ActivatedRouteSnapshot,
  NavigationEnd,
  Router,
  RouterLink,
  RouterLinkActive,
  RouterOutlet,
} from '@angular/router';
import { filter, map } from 'rxjs';
import { STATES_AS_OF } from './app.routes';
import { PRODUCT_NAME } from './page-title-strategy';
import { NAVIGATION_PAGES } from './pages';
import { AuthSession } from './data-access/auth/auth-session';
import { DataStatusState } from './data-access/data-status/data-status-state';
import { NotificationBell } from './features/alerts/notification-bell';
import { UserMenu } from './features/sign-in/user-menu';
import { DataLoaded } from './ui/data-status/data-loaded';
import { formatCalendarDate } from './ui/formats/number-format';
import { ThemeToggle } from './ui/theme/theme-toggle';

/** Below this width (phones, a narrow window) the navigation slides over the page instead of beside it. */
export const NARROW_VIEWPORT_QUERY = '(max-width: 767.98px)';

/** The shell: toolbar, side navigation and the routed page. */
@Component({
  selector: 'iop-root',
  imports: [
    DataLoaded,
    NgComponentOutlet,
    MatSidenav,
    MatSidenavContainer,
    MatSidenavContent,
    MatToolbar,
    NotificationBell,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    ThemeToggle,
    UserMenu,
  ],
  templateUrl: './app.html',
  styleUrl: './app.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly productName = PRODUCT_NAME;
  private readonly session = inject(AuthSession);
  protected readonly signedIn = this.session.signedIn;
  /** The navigation lists only the pages the signed-in role may open. */
  protected readonly pages = computed(() => {
    const user = this.session.user();
    return user ? NAVIGATION_PAGES.filter((page) => page.roles.includes(user.role)) : [];
  });

  private readonly dataStatusState = inject(DataStatusState);
  protected readonly dataStatus = this.dataStatusState.status;
  /** While the data is the generated network, every page says so. */
  protected readonly synthetic = computed(() => this.signedIn() && this.dataStatus()?.synthetic === true);
  private readonly router = inject(Router);
  /** Whether the page on screen states "Data as of" in its own header (route data, see app.routes.ts). */
  private readonly pageStatesAsOf = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => deepestRoute(this.router.routerState.snapshot.root).data[STATES_AS_OF] === true),
    ),
    { initialValue: false },
  );
  /** "Data as of ..., last loaded ... from ..." above the pages that do not state it themselves. */
  protected readonly asOfLine = computed(() => {
    const status = this.dataStatus();
    if (!this.signedIn() || !status || this.pageStatesAsOf()) return null;
    return {
      status,
      asOf: status.asOf === null ? null : { iso: status.asOf, text: formatCalendarDate(status.asOf) },
    };
  });

  protected readonly isNarrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_VIEWPORT_QUERY)
      .pipe(map((state) => state.matches)),
    { requireSync: true },
  );
  /** Open beside the page on wide screens, closed on narrow ones until the menu button opens it. */
  protected readonly navigationOpen = linkedSignal(() => !this.isNarrow());

  /**
   * The filter bar, imported after the first render: Material's selects, chips and form fields then stay out
   * of the first bundle (a @defer block would do the same but brings its own runtime into that bundle).
   */
  protected readonly filterBar = signal<Type<unknown> | null>(null);

  private readonly sidenav = viewChild.required(MatSidenav);

  constructor() {
    // Once per session: asked when someone signs in, forgotten when they sign out.
    effect(() => {
      if (this.signedIn()) this.dataStatusState.load();
      else this.dataStatusState.forget();
    });
    afterNextRender(() => {
      void import('./features/filters/filter-bar').then(({ FilterBar }) => this.filterBar.set(FilterBar));
    });
  }
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected toggleNavigation(): void {
    // The promise settles when the slide animation ends; nothing waits for that.
    void this.sidenav().toggle();
  }

  protected closeNavigationIfOverlay(): void {
    if (this.isNarrow()) {
      void this.sidenav().close();
    }
  }

  protected skipToContent(): void {
    this.main().nativeElement.focus();
  }
}

function deepestRoute(route: ActivatedRouteSnapshot): ActivatedRouteSnapshot {
  let deepest = route;
  while (deepest.firstChild) deepest = deepest.firstChild;
  return deepest;
}
