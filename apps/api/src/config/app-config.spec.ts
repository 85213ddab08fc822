import { validateConfig } from './app-config';

describe('validateConfig', () => {
  const url = 'postgres://iop:secret@localhost:5432/iop';
  const secret = 'a-test-secret-of-at-least-32-characters';

  it('defaults PORT to 3000 and keeps the database URL', () => {
    const config = validateConfig({ DATABASE_URL: url, IOP_JWT_SECRET: secret });
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe(url);
    expect(config.IOP_COOKIE_SECURE).toBe(false);
  });

  it('needs a token-signing secret of 32 characters or more, and reads the cookie flag', () => {
    expect(() => validateConfig({ DATABASE_URL: url })).toThrow('IOP_JWT_SECRET is required');
    expect(() => validateConfig({ DATABASE_URL: url, IOP_JWT_SECRET: 'short' })).toThrow(
      'IOP_JWT_SECRET must be at least 32 characters',
    );
    expect(
      validateConfig({ DATABASE_URL: url, IOP_JWT_SECRET: secret, IOP_COOKIE_SECURE: 'true' }).IOP_COOKIE_SECURE,
    ).toBe(true);
  });

  it('reads the report retry delay in seconds, 30 by default, 0 to 3600', () => {
    expect(validateConfig({ DATABASE_URL: url, IOP_JWT_SECRET: secret }).IOP_REPORT_RETRY_DELAY_SECONDS).toBe(30);
    const delay = (value: string) =>
      validateConfig({ DATABASE_URL: url, IOP_JWT_SECRET: secret, IOP_REPORT_RETRY_DELAY_SECONDS: value })
        .IOP_REPORT_RETRY_DELAY_SECONDS;
    expect(delay('0')).toBe(0);
    expect(() => delay('-1')).toThrow('IOP_REPORT_RETRY_DELAY_SECONDS must be between 0 and 3600');
    expect(() => delay('soon')).toThrow('IOP_REPORT_RETRY_DELAY_SECONDS must be an integer');
  });

  it('reads PORT as a number', () => {
    expect(validateConfig({ DATABASE_URL: url, IOP_JWT_SECRET: secret, PORT: '8080' }).PORT).toBe(8080);
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
