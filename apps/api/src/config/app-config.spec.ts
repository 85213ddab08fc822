import { validateConfig } from './app-config';

describe('validateConfig', () => {
  const url = 'postgres://iop:secret@localhost:5432/iop';
  const secret = 'a-test-secret-of-at-least-32-characters';
  const patientKey = 'a-patient-key-secret-of-32-characters-or-more';
  /** The two required secrets, with whatever else a test sets. */
  const valid = (extra: Record<string, string> = {}) => ({
    DATABASE_URL: url,
    IOP_JWT_SECRET: secret,
    IOP_PATIENT_KEY_SECRET: patientKey,
    ...extra,
  });

  it('defaults PORT to 3000 and keeps the database URL', () => {
    const config = validateConfig(valid());
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe(url);
    expect(config.IOP_COOKIE_SECURE).toBe(false);
  });

  it('needs a token-signing secret of 32 characters or more, and reads the cookie flag', () => {
    expect(() => validateConfig({ DATABASE_URL: url, IOP_PATIENT_KEY_SECRET: patientKey })).toThrow(
      'IOP_JWT_SECRET is required',
    );
    expect(() => validateConfig(valid({ IOP_JWT_SECRET: 'short' }))).toThrow(
      'IOP_JWT_SECRET must be at least 32 characters',
    );
    expect(validateConfig(valid({ IOP_COOKIE_SECURE: 'true' })).IOP_COOKIE_SECURE).toBe(true);
  });

  it('reads the report retry delay in seconds, 30 by default, 0 to 3600', () => {
    expect(validateConfig(valid()).IOP_REPORT_RETRY_DELAY_SECONDS).toBe(30);
    const delay = (value: string) =>
      validateConfig(valid({ IOP_REPORT_RETRY_DELAY_SECONDS: value })).IOP_REPORT_RETRY_DELAY_SECONDS;
    expect(delay('0')).toBe(0);
    expect(() => delay('-1')).toThrow('IOP_REPORT_RETRY_DELAY_SECONDS must be between 0 and 3600');
    expect(() => delay('soon')).toThrow('IOP_REPORT_RETRY_DELAY_SECONDS must be an integer');
  });

  it('reads the early-warning refresh period in seconds, 60 by default, 0 (off) to 86400', () => {
    expect(validateConfig(valid()).IOP_EARLY_WARNING_REFRESH_SECONDS).toBe(60);
    const period = (value: string) =>
      validateConfig(valid({ IOP_EARLY_WARNING_REFRESH_SECONDS: value })).IOP_EARLY_WARNING_REFRESH_SECONDS;
    expect(period('0')).toBe(0);
    expect(period('86400')).toBe(86_400);
    expect(() => period('86401')).toThrow('IOP_EARLY_WARNING_REFRESH_SECONDS must be between 0 and 86400');
    expect(() => period('often')).toThrow('IOP_EARLY_WARNING_REFRESH_SECONDS must be an integer');
  });

  it('needs a patient-key secret of 32 characters or more, not the placeholder', () => {
    expect(() => validateConfig({ DATABASE_URL: url, IOP_JWT_SECRET: secret })).toThrow(
      'IOP_PATIENT_KEY_SECRET is required',
    );
    expect(() => validateConfig(valid({ IOP_PATIENT_KEY_SECRET: 'short' }))).toThrow(
      'IOP_PATIENT_KEY_SECRET must be at least 32 characters',
    );
    expect(() =>
      validateConfig(valid({ IOP_PATIENT_KEY_SECRET: 'change-me-to-32-or-more-random-characters' })),
    ).toThrow('IOP_PATIENT_KEY_SECRET is still the placeholder of .env.example');
    expect(validateConfig(valid()).IOP_PATIENT_KEY_SECRET).toBe(patientKey);
  });

  it('reads the import limits: 512 MB per file and 20 files by default, and the upload folder', () => {
    const config = validateConfig(valid());
    expect([config.IOP_IMPORT_MAX_FILE_MB, config.IOP_IMPORT_MAX_FILES, config.IOP_IMPORT_DIR]).toEqual([
      512,
      20,
      '.data/imports',
    ]);
    const lowered = validateConfig(
      valid({ IOP_IMPORT_MAX_FILE_MB: '2', IOP_IMPORT_MAX_FILES: '3', IOP_IMPORT_DIR: '/srv/imports' }),
    );
    expect([lowered.IOP_IMPORT_MAX_FILE_MB, lowered.IOP_IMPORT_MAX_FILES, lowered.IOP_IMPORT_DIR]).toEqual([
      2,
      3,
      '/srv/imports',
    ]);
    expect(() => validateConfig(valid({ IOP_IMPORT_MAX_FILE_MB: '0' }))).toThrow(
      'IOP_IMPORT_MAX_FILE_MB must be between 1 and 102400',
    );
    expect(() => validateConfig(valid({ IOP_IMPORT_MAX_FILES: 'many' }))).toThrow(
      'IOP_IMPORT_MAX_FILES must be an integer',
    );
  });

  it('reads the allowed origins as a comma-separated list, none by default (then the Host decides)', () => {
    expect(validateConfig(valid()).IOP_ALLOWED_ORIGINS).toEqual([]);
    expect(
      validateConfig(valid({ IOP_ALLOWED_ORIGINS: 'https://outcomes.example.org, http://localhost:4200' }))
        .IOP_ALLOWED_ORIGINS,
    ).toEqual(['https://outcomes.example.org', 'http://localhost:4200']);
    for (const wrong of ['outcomes.example.org', 'https://outcomes.example.org/dashboard', '*']) {
      expect(() => validateConfig(valid({ IOP_ALLOWED_ORIGINS: wrong }))).toThrow(
        'IOP_ALLOWED_ORIGINS must be origins such as https://outcomes.example.org, separated by commas',
      );
    }
  });

  it('reads the read replicas as a comma-separated list of postgres URLs, none by default', () => {
    expect(validateConfig(valid()).DATABASE_REPLICA_URLS).toEqual([]);
    expect(
      validateConfig(
        valid({ DATABASE_REPLICA_URLS: ' postgres://iop:s@replica-1:5432/iop,postgresql://iop:s@replica-2/iop ,' }),
      ).DATABASE_REPLICA_URLS,
    ).toEqual(['postgres://iop:s@replica-1:5432/iop', 'postgresql://iop:s@replica-2/iop']);
    for (const wrong of [
      'replica-1:5432',
      'postgres://iop@replica-1/iop;postgres://iop@replica-2/iop x',
      'mysql://r/iop',
    ]) {
      expect(() => validateConfig(valid({ DATABASE_REPLICA_URLS: wrong }))).toThrow(
        'DATABASE_REPLICA_URLS must be postgres:// or postgresql:// URLs separated by commas',
      );
    }
  });

  it('reads PORT as a number', () => {
    expect(validateConfig(valid({ PORT: '8080' })).PORT).toBe(8080);
  });

  it.each([
    [{ DATABASE_URL: url, PORT: 'http' }, 'PORT must be an integer'],
    [{ DATABASE_URL: url, PORT: '70000' }, 'Invalid configuration: PORT must be between 1 and 65535'],
    [{}, 'Invalid configuration: DATABASE_URL must start with postgres:// or postgresql://; DATABASE_URL is required'],
    [
      { DATABASE_URL: 'mysql://x/y' },
      'Invalid configuration: DATABASE_URL must start with postgres:// or postgresql://',
    ],
  ])('refuses %j with one clear message', (environment, message) => {
    expect(() => validateConfig(environment)).toThrow(message);
  });
});
