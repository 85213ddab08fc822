import { DOCUMENT } from '@angular/common';
import { computed, inject, Injectable, signal } from '@angular/core';

export type ColorScheme = 'light' | 'dark';

/** localStorage key of the viewer's explicit choice; absent means "follow the operating system". */
export const COLOR_SCHEME_STORAGE_KEY = 'iop-outcomes.color-scheme';

const PREFERS_DARK_QUERY = '(prefers-color-scheme: dark)';

/**
 * Light or dark theme. styles.scss defines every colour with light-dark(), so switching is only a
 * matter of the root element's color-scheme; no stylesheet is swapped and nothing re-renders.
 */
@Injectable({ providedIn: 'root' })
export class ColorSchemeService {
  private readonly document = inject(DOCUMENT);
  private readonly prefersDarkQuery = this.document.defaultView?.matchMedia?.(PREFERS_DARK_QUERY);
  private readonly systemPrefersDark = signal(this.prefersDarkQuery?.matches ?? false);
  private readonly chosen = signal<ColorScheme | null>(this.readStoredChoice());

  readonly scheme = computed<ColorScheme>(() => this.chosen() ?? (this.systemPrefersDark() ? 'dark' : 'light'));

  constructor() {
    // Without a stored choice the theme keeps following the system, also when it changes at dusk.
    this.prefersDarkQuery?.addEventListener('change', (event) => {
      this.systemPrefersDark.set(event.matches);
      this.applyToDocument();
    });
    this.applyToDocument();
  }

  toggle(): void {
    this.choose(this.scheme() === 'dark' ? 'light' : 'dark');
  }

  choose(scheme: ColorScheme): void {
    this.chosen.set(scheme);
    try {
      this.document.defaultView?.localStorage.setItem(COLOR_SCHEME_STORAGE_KEY, scheme);
    } catch {
      // Storage can be disabled (private mode, policy); the choice then lasts for this visit only.
    }
    this.applyToDocument();
  }

  private applyToDocument(): void {
    this.document.documentElement.style.colorScheme = this.scheme();
  }

  private readStoredChoice(): ColorScheme | null {
    try {
      const stored = this.document.defaultView?.localStorage.getItem(COLOR_SCHEME_STORAGE_KEY);
      return stored === 'light' || stored === 'dark' ? stored : null;
    } catch {
      return null;
    }
  }
}
