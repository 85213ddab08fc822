import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ColorSchemeService } from './color-scheme';

/** The toolbar's light/dark switch: a toggle button whose pressed state means "dark theme on". */
@Component({
  selector: 'iop-theme-toggle',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      type="button"
      class="toolbar-icon-button"
      data-testid="theme-toggle"
      [attr.aria-pressed]="isDark()"
      aria-label="Dark theme"
      [title]="isDark() ? 'Switch to the light theme' : 'Switch to the dark theme'"
      (click)="colorScheme.toggle()"
    >
      @if (isDark()) {
        <!-- Sun: pressing returns to the light theme. -->
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10zM11 1h2v3h-2zm0 19h2v3h-2zM1 11h3v2H1zm19 0h3v2h-3zM4.22 5.64l1.42-1.42 2.12 2.12-1.42 1.42zm12.02 12.02 1.42-1.42 2.12 2.12-1.42 1.42zM4.22 18.36l2.12-2.12 1.42 1.42-2.12 2.12zM16.24 6.34l2.12-2.12 1.42 1.42-2.12 2.12z"
          />
        </svg>
      } @else {
        <!-- Moon: pressing turns the dark theme on. -->
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M12.3 2a10 10 0 1 0 9.7 12.4A8 8 0 0 1 12.3 2z" />
        </svg>
      }
    </button>
  `,
})
export class ThemeToggle {
  protected readonly colorScheme = inject(ColorSchemeService);
  protected readonly isDark = computed(() => this.colorScheme.scheme() === 'dark');
}
