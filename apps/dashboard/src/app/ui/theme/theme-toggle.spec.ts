import { TestBed } from '@angular/core/testing';
import { COLOR_SCHEME_STORAGE_KEY } from './color-scheme';
import { ThemeToggle } from './theme-toggle';

/** jsdom has no matchMedia; this stands in for an operating system that prefers `scheme`. */
function pretendSystemPrefers(scheme: 'light' | 'dark'): void {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    writable: true,
    value: (query: string) => ({
      matches: query === '(prefers-color-scheme: dark)' && scheme === 'dark',
      media: query,
      addEventListener: jest.fn(),
      removeEventListener: jest.fn(),
      addListener: jest.fn(),
      removeListener: jest.fn(),
    }),
  });
}

describe('ThemeToggle', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.style.colorScheme = '';
    pretendSystemPrefers('light');
  });

  afterEach(() => {
    delete (window as Partial<Window>).matchMedia;
  });

  async function renderToggle(): Promise<HTMLButtonElement> {
    const fixture = TestBed.createComponent(ThemeToggle);
    await fixture.whenStable();
    return (fixture.nativeElement as HTMLElement).querySelector('[data-testid="theme-toggle"]') as HTMLButtonElement;
  }

  it('follows the operating system while the viewer has not chosen', async () => {
    pretendSystemPrefers('dark');
    const button = await renderToggle();

    expect(document.documentElement.style.colorScheme).toBe('dark');
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(localStorage.getItem(COLOR_SCHEME_STORAGE_KEY)).toBeNull();
  });

  it('switches the theme, persists the choice and reads it back on the next visit', async () => {
    const button = await renderToggle();
    expect(document.documentElement.style.colorScheme).toBe('light');
    expect(button.getAttribute('aria-pressed')).toBe('false');

    button.click();
    TestBed.tick();

    expect(document.documentElement.style.colorScheme).toBe('dark');
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(localStorage.getItem(COLOR_SCHEME_STORAGE_KEY)).toBe('dark');

    // A fresh app (the next visit) starts from the stored choice, not from the system's light preference.
    TestBed.resetTestingModule();
    document.documentElement.style.colorScheme = '';
    const buttonNextVisit = await renderToggle();
    expect(document.documentElement.style.colorScheme).toBe('dark');
    expect(buttonNextVisit.getAttribute('aria-pressed')).toBe('true');

    buttonNextVisit.click();
    TestBed.tick();
    expect(localStorage.getItem(COLOR_SCHEME_STORAGE_KEY)).toBe('light');
    expect(document.documentElement.style.colorScheme).toBe('light');
  });
});
