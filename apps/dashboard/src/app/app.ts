import { BreakpointObserver } from '@angular/cdk/layout';
import { NgComponentOutlet } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
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
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import { PRODUCT_NAME } from './page-title-strategy';
import { NAVIGATION_PAGES } from './pages';
import { AuthSession } from './data-access/auth/auth-session';
import { UserMenu } from './features/sign-in/user-menu';
import { ThemeToggle } from './ui/theme/theme-toggle';

/** Below this width (phones, a narrow window) the navigation slides over the page instead of beside it. */
export const NARROW_VIEWPORT_QUERY = '(max-width: 767.98px)';

/** The shell: toolbar, side navigation and the routed page. */
@Component({
  selector: 'iop-root',
  imports: [
    NgComponentOutlet,
    MatSidenav,
    MatSidenavContainer,
    MatSidenavContent,
    MatToolbar,
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
