import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import type { EarlyWarningResponse, EarlyWarningRow, EarlyWarningValidation } from '@iop/contracts';
import { provideSignedInUser, testUser } from '../../data-access/auth/testing/signed-in-session';
import { brierText, cStatisticText, reasonsText } from './early-warning-display';
import { EarlyWarningPage } from './early-warning-page';

@Component({ template: '' })
class EmptyPage {}

const VALIDATION: EarlyWarningValidation = {
  cutOff: '2025-12-30',
  trainingRows: 68808,
  trainingEvents: 4891,
  validationRows: 23507,
  validationEvents: 1723,
  cStatistic: { estimate: 0.6861, lower: 0.6735, upper: 0.6988 },
  brier: 0.06583,
  brierOfBaseRate: 0.06793,
  calibration: Array.from({ length: 10 }, (_, i) => ({
    group: i + 1,
    n: 2351,
    meanPredicted: 0.02 + i * 0.015,
    observed: 0.02 + i * 0.016,
  })),
};

const row = (episodeId: number, counselorId: number | null, risk: number, week: number): EarlyWarningRow => ({
  patientKey: `K${episodeId}`,
  episodeId,
  programId: 1,
  programName: 'Day IOP',
  counselorId,
  counselorName: counselorId === null ? null : `Counselor ${counselorId}`,
  weekOfTreatment: week,
  risk,
  band: risk >= 0.14 ? 'high' : 'low',
  drivers: [{ feature: 'consecutiveNoShows', label: 'Consecutive no-shows', value: '3', logOdds: 0.8 }],
  consecutiveNoShows: 3,
  daysSinceLastAttended: 8,
  rulesMet: ['consecutiveNoShows'],
});

const ANSWER: EarlyWarningResponse = {
  asOf: '2026-06-30',
  horizonDays: 14,
  modelUsable: true,
  ranking: 'model',
  statement: 'Ranked by a model of disengagement within 14 days.',
  validation: VALIDATION,
  validationUnavailable: null,
  model: { features: [], trainingRows: 94039, trainingEvents: 6734, baseRate: 0.0716 },
  rows: [row(1, 7, 0.3, 4), row(2, null, 0.05, 2), row(3, 8, 0.12, 9)],
};

describe('the early-warning display', () => {
  it('writes the C-statistic with its interval and the Brier score beside the base rate', () => {
    expect(cStatisticText(VALIDATION)).toBe('0.69 (95% CI 0.67–0.70)');
    expect(brierText(VALIDATION)).toBe('0.0658 (predicting the average rate for everyone: 0.0679)');
  });

  it('gives the model’s drivers, or the rules met when the list is ranked by the rules', () => {
    expect(reasonsText(ANSWER.rows[0])).toBe('Consecutive no-shows: 3');
    expect(
      reasonsText({ ...ANSWER.rows[0], drivers: [], rulesMet: ['consecutiveNoShows', 'noAttendanceIn10Days'] }),
    ).toBe('2 or more consecutive no-shows; No attended session in 10 days');
  });
});

describe('EarlyWarningPage', () => {
  let fixture: ComponentFixture<EarlyWarningPage>;
  let httpTesting: HttpTestingController;

  const element = () => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string) => element().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const text = (id: string) => byTestId(id)?.textContent?.replace(/\s+/g, ' ').trim();
  const patientKeys = () =>
    Array.from(element().querySelectorAll('[data-testid="early-warning-row"] td:first-child')).map((cell) =>
      cell.textContent?.trim(),
    );

  async function open(answer: EarlyWarningResponse): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideRouter([{ path: 'early-warning', component: EmptyPage }]),
        provideSignedInUser(testUser('director')),
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    await TestBed.inject(Router).navigateByUrl('/early-warning?programId=1');
    fixture = TestBed.createComponent(EarlyWarningPage);
    TestBed.tick();
    httpTesting
      .expectOne((request) => request.urlWithParams === '/api/v1/early-warning?programId=1&sort=risk&direction=desc')
      .flush(answer);
    await settle();
  }

  /** Lets the page react: signals and the table (whenStable would wait for pending requests). */
  async function settle(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
    }
  }

  afterEach(() => httpTesting.verify());

  it('shows the validation beside the list, highest risk first, with export links', async () => {
    await open(ANSWER);
    expect(text('early-warning-c-statistic')).toBe('0.69 (95% CI 0.67–0.70)');
    expect(byTestId('early-warning-calibration-chart')).not.toBeNull();
    expect(patientKeys()).toEqual(['K1', 'K3', 'K2']);
    expect(text('early-warning-count')).toBe('3 active patients');
    expect(byTestId('early-warning-csv')?.getAttribute('href')).toBe(
      '/api/v1/early-warning.csv?programId=1&sort=risk&direction=desc',
    );

    byTestId('early-warning-calibration-toggle')?.click();
    await settle();
    expect(byTestId('early-warning-calibration-table')?.querySelectorAll('tbody tr')).toHaveLength(10);
  });

  it('says when the model is not used and the list follows the plain rules', async () => {
    await open({
      ...ANSWER,
      modelUsable: false,
      ranking: 'rules',
      statement: 'The model does not rank patients well enough to act on.',
      rows: [{ ...row(1, 7, 0, 4), risk: null, band: 'flagged', drivers: [] }],
    });
    expect(text('early-warning-statement')).toBe('The model does not rank patients well enough to act on.');
    expect(byTestId('early-warning-statement')?.getAttribute('role')).toBe('note');
    expect(patientKeys()).toEqual(['K1']);
  });
});
