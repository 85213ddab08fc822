import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import type { Benchmark, UserRole } from '@iop/contracts';
import { BENCHMARKS_PATHS } from '../../../data-access/api/benchmarks-api';
import { provideSignedInUser, testUser } from '../../../data-access/auth/testing/signed-in-session';
import { SEEDED_BENCHMARKS } from '../../../ui/benchmarks/testing/benchmark-fixture';
import { QualityPage } from '../quality-page';

export interface OpenQualityPage {
  fixture: ComponentFixture<QualityPage>;
  httpTesting: HttpTestingController;
}

/**
 * The Quality page at `url` for a user of `role`, on the testing HTTP backend, with the benchmarks request that every
 * signed-in reader makes once already answered (with `benchmarks`); the test answers the rest.
 */
export async function openQualityPage(
  role: UserRole,
  url: string,
  benchmarks: readonly Benchmark[] = SEEDED_BENCHMARKS,
): Promise<OpenQualityPage> {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withFetch()),
      provideHttpClientTesting(),
      provideNoopAnimations(),
      provideRouter([{ path: 'quality', component: QualityPage }]),
      provideSignedInUser(testUser(role)),
    ],
  });
  const httpTesting = TestBed.inject(HttpTestingController);
  await TestBed.inject(Router).navigateByUrl(url);
  const fixture = TestBed.createComponent(QualityPage);
  TestBed.tick();
  httpTesting.expectOne(BENCHMARKS_PATHS.list).flush({ benchmarks });
  return { fixture, httpTesting };
}

/** Lets the page react: signals, the router and the next requests (whenStable would wait for those). */
export async function settle(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
  }
}
