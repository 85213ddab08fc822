import { DEIDENTIFIED_EPISODE_EXPORT_COLUMNS, type EpisodeExportRow } from '@iop/contracts';
import {
  deIdentifiedAge,
  deIdentifiedZip3,
  deIdentify,
  deIdentifyQualityPatient,
  isDeIdentifiedFor,
  MASKED_ZIP3,
  RESTRICTED_ZIP3,
} from './de-identify';

const ROW: EpisodeExportRow = {
  episodeId: 42,
  patientKey: 'PK-0042',
  program: 'Evening IOP',
  levelOfCare: '2.1',
  payer: 'medicaid',
  primarySubstance: 'alcohol',
  ageAtAdmission: 35,
  ageBand: '35-44',
  sex: 'female',
  zip3: '606',
  admitDate: '2025-01-06',
  dischargeDate: '2025-02-20',
  lengthOfStayDays: 46,
  dischargeReason: 'Completed',
  attendanceRate: 0.75,
  complianceScore: 0.9,
  retained90: false,
  completed: true,
  abstinentFinal4Weeks: true,
};

describe('deIdentify: the row of a payer or quality export', () => {
  it('drops the patient key and the episode id, and turns dates into years', () => {
    expect(deIdentify(ROW)).toEqual({
      program: 'Evening IOP',
      levelOfCare: '2.1',
      payer: 'medicaid',
      primarySubstance: 'alcohol',
      ageAtAdmission: 35,
      ageBand: '35-44',
      sex: 'female',
      zip3: '606',
      admitYear: 2025,
      dischargeYear: 2025,
      lengthOfStayDays: 46,
      dischargeReason: 'Completed',
      attendanceRate: 0.75,
      complianceScore: 0.9,
      retained90: false,
      completed: true,
      abstinentFinal4Weeks: true,
    });
  });

  it('has exactly the de-identified columns, and none of its values is a key, an id or a full date', () => {
    const row = deIdentify(ROW);
    expect(Object.keys(row).sort()).toEqual([...DEIDENTIFIED_EPISODE_EXPORT_COLUMNS].sort());
    const text = JSON.stringify(row);
    expect(text).not.toContain('PK-0042');
    expect(text).not.toMatch(/\d{4}-\d{2}(-\d{2})?/);
    expect(text).not.toContain('42');
  });

  it('keeps an active episode active: no discharge year', () => {
    expect(deIdentify({ ...ROW, dischargeDate: null, completed: null }).dischargeYear).toBeNull();
  });

  it('exports ages over 89 as "90+", and 89 as it is', () => {
    expect(deIdentifiedAge(89)).toBe(89);
    expect(deIdentifiedAge(90)).toBe('90+');
    expect(deIdentifiedAge(104)).toBe('90+');
    expect(deIdentify({ ...ROW, ageAtAdmission: 93, ageBand: '65+' }).ageAtAdmission).toBe('90+');
  });

  it('masks the 17 restricted ZIP3 areas of HIPAA Safe Harbor as "000" and keeps the others', () => {
    expect(RESTRICTED_ZIP3.size).toBe(17);
    for (const zip3 of RESTRICTED_ZIP3) expect(deIdentifiedZip3(zip3)).toBe(MASKED_ZIP3);
    expect(deIdentifiedZip3('036')).toBe('000');
    expect(deIdentifiedZip3('037')).toBe('037');
    expect(deIdentifiedZip3(null)).toBeNull();
  });
});

describe("deIdentifyQualityPatient: a quality measure's patient-list row for the quality role", () => {
  const row = {
    patientKey: 'PK-0042',
    episodeId: 42,
    program: 'Evening IOP',
    admitDate: '2024-12-30',
    inNumerator: false,
    startDate: '2024-12-31',
    eventDate: '2025-01-08',
    days: 8,
    proportion: null,
  };

  it('drops the key and the id, keeps the days between the dates, and turns every date into its year', () => {
    expect(deIdentifyQualityPatient(row)).toEqual({
      program: 'Evening IOP',
      admitYear: 2024,
      inNumerator: false,
      startYear: 2024,
      eventYear: 2025,
      days: 8,
      proportion: null,
    });
    expect(JSON.stringify(deIdentifyQualityPatient(row))).not.toMatch(/PK-0042|42|\d{4}-\d{2}/);
  });

  it('keeps a missing date missing', () => {
    const missing = deIdentifyQualityPatient({ ...row, eventDate: null, days: null });
    expect([missing.eventYear, missing.days]).toEqual([null, null]);
  });

  it('applies to the quality role only', () => {
    const roles = ['director', 'payer', 'quality', 'admin'] as const;
    expect(roles.map((role) => isDeIdentifiedFor({ role }))).toEqual([false, false, true, false]);
  });
});
