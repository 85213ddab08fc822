import { HttpErrorResponse } from '@angular/common/http';
import { describeLoadError, toOverviewDisplay } from './overview-display';

describe('toOverviewDisplay', () => {
  it('draws attended and missed appointments from the attendance rate', () => {
    const display = toOverviewDisplay({
      asOf: '2025-06-30',
      episodes: 40,
      activeEpisodes: 12,
      attendanceRate: {
        numerator: 300,
        denominator: 400,
        rate: 0.75,
        ci95: [0.7053, 0.7897],
      },
    });

    expect(display.appointmentsChart).toEqual({
      n: 400,
      data: [
        { name: 'Attended', value: 300 },
        { name: 'Missed', value: 100 },
      ],
    });
    expect(display.attendanceRate.details).toEqual(['95% CI 70.5%–79.0%', 'n = 400 appointments']);
  });

  it('says n/a, and draws nothing, when episodes have no appointments yet', () => {
    const display = toOverviewDisplay({
      asOf: '2025-06-30',
      episodes: 2,
      activeEpisodes: 2,
      attendanceRate: { numerator: 0, denominator: 0, rate: null, ci95: null },
    });

    expect(display.isEmpty).toBe(false);
    expect(display.attendanceRate).toEqual({
      value: 'n/a',
      details: ['No appointments counted yet.', 'n = 0 appointments'],
      suppressed: false,
    });
    expect(display.appointmentsChart).toBeNull();
  });
});

describe('describeLoadError', () => {
  it('names the status the API answered with', () => {
    const error = new HttpErrorResponse({
      status: 503,
      statusText: 'Service Unavailable',
    });
    expect(describeLoadError(error)).toBe('The API answered 503 Service Unavailable.');
  });

  it('tells an unreadable answer from an unreachable API', () => {
    expect(describeLoadError(new SyntaxError('Unexpected token <'))).toBe(
      'The API sent an answer the dashboard could not read.',
    );
    expect(describeLoadError(new HttpErrorResponse({ status: 0 }))).toMatch(/could not be reached/);
    // What HttpClient reports when a 200 carries HTML instead of JSON.
    expect(describeLoadError(new HttpErrorResponse({ status: 200, statusText: 'OK' }))).toBe(
      'The API sent an answer the dashboard could not read.',
    );
  });
});
