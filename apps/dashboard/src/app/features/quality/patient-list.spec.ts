import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import type { UserRole } from '@iop/contracts';
import { qualityPatientsExportUrl } from '../../data-access/api/quality-api';
import { provideSignedInUser, testUser } from '../../data-access/auth/testing/signed-in-session';
import { PatientList } from './patient-list';

@Component({ template: '' })
class EmptyPage {}

describe('qualityPatientsExportUrl', () => {
  it('builds the export address from the measure, the population and the filters', () => {
    expect(qualityPatientsExportUrl('xlsx', { measureId: 'fui-7', population: 'denominator' }, {})).toBe(
      '/api/v1/quality/measures/fui-7/patients.xlsx?population=denominator',
    );
    expect(
      qualityPatientsExportUrl(
        'csv',
        { measureId: 'pdc-mat', population: 'numerator' },
        { from: '2025-01-01', payer: ['medicaid', 'other'], programId: [3] },
      ),
    ).toBe(
      '/api/v1/quality/measures/pdc-mat/patients.csv?from=2025-01-01&payer=medicaid&payer=other&programId=3' +
        '&population=numerator',
    );
  });
});

describe('PatientList downloads', () => {
  let fixture: ComponentFixture<PatientList>;
  let httpTesting: HttpTestingController;

  async function open(role: UserRole, url: string): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideRouter([{ path: 'quality', component: EmptyPage }]),
        provideSignedInUser(testUser(role)),
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    await TestBed.inject(Router).navigateByUrl(url);
    fixture = TestBed.createComponent(PatientList);
    fixture.componentRef.setInput('measureId', 'pod');
    fixture.componentRef.setInput('measureName', 'POD');
    await fixture.whenStable();
  }

  // A download link sends nothing by itself: the audited list is not fetched until it is opened.
  afterEach(() => httpTesting.verify());

  const byTestId = (id: string) =>
    (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const hrefOf = (id: string) => byTestId(id)?.getAttribute('href');

  it('links the CSV and XLSX of the current measure, population and filters, following each change', async () => {
    await open('director', '/quality?payer=medicaid&payer=other&from=2025-01-01');
    expect(hrefOf('quality-patients-csv')).toBe(
      '/api/v1/quality/measures/pod/patients.csv?from=2025-01-01&payer=medicaid&payer=other&population=numerator',
    );
    expect(hrefOf('quality-patients-xlsx')).toBe(
      '/api/v1/quality/measures/pod/patients.xlsx?from=2025-01-01&payer=medicaid&payer=other&population=numerator',
    );
    expect(byTestId('quality-patients-csv')?.hasAttribute('download')).toBe(true);
    expect(byTestId('quality-patients-xlsx')?.hasAttribute('download')).toBe(true);

    byTestId('quality-population-denominator')?.querySelector('button')?.click();
    fixture.componentRef.setInput('measureId', 'fui-30');
    await fixture.whenStable();
    expect(hrefOf('quality-patients-csv')).toBe(
      '/api/v1/quality/measures/fui-30/patients.csv?from=2025-01-01&payer=medicaid&payer=other&population=denominator',
    );
    expect(byTestId('quality-patients-export-note')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'The downloads hold the denominator of this measure with the current filters, and each one is recorded in ' +
        'the audit log.',
    );
  });

  it('tells the quality role that its downloads are de-identified', async () => {
    await open('quality', '/quality');
    expect(hrefOf('quality-patients-csv')).toBe('/api/v1/quality/measures/pod/patients.csv?population=numerator');
    expect(byTestId('quality-patients-export-note')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'The downloads hold the numerator of this measure with the current filters, and each one is recorded in the ' +
        'audit log. For your role they are de-identified: no patient keys or episode ids, and years instead of dates.',
    );
  });
});
