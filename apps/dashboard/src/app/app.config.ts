import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideAnimationsAsync } from '@angular/platform-browser/animations/async';
import { provideRouter, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { appRoutes } from './app.routes';
import { renewExpiredSession } from './data-access/auth/auth.interceptor';
import { provideFrameFilterWords } from './features/filters/frame-filter-words';
import { PageTitleStrategy } from './page-title-strategy';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(appRoutes, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: PageTitleStrategy },
    provideHttpClient(withFetch(), withInterceptors([renewExpiredSession])),
    provideFrameFilterWords(),
    // ngx-charts still animates with @angular/animations, which needs this provider although Angular
    // deprecates it; loaded asynchronously so that the animation engine stays out of the first bundle.
    provideAnimationsAsync(),
  ],
};
