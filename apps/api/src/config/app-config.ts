import { plainToInstance, Transform } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  NotEquals,
  ValidateIf,
  validateSync,
} from 'class-validator';

/** The value .env.example and docker-compose.yml carry, so that a deployment cannot start with it by accident. */
const PLACEHOLDER_SECRET = 'change-me-to-32-or-more-random-characters';

/** The API's settings, read from the environment once at start-up and validated there. */
export class AppConfig {
  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt({ message: 'PORT must be an integer' })
  @Min(1, { message: 'PORT must be between 1 and 65535' })
  @Max(65535, { message: 'PORT must be between 1 and 65535' })
  PORT!: number;

  @IsString({ message: 'DATABASE_URL is required (postgres://user:password@host:port/database)' })
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must start with postgres:// or postgresql://' })
  DATABASE_URL!: string;

  /**
   * Read replicas of DATABASE_URL (comma-separated postgres:// URLs), kept in step by streaming or logical
   * replication; none by default. The dashboard's analytics reads go to them, everything else to DATABASE_URL
   * (docs/ARCHITECTURE.md "Replicas").
   */
  @Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((url) => url.trim())
          .filter((url) => url !== '')
      : (value as unknown),
  )
  @IsArray()
  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    each: true,
    message: 'DATABASE_REPLICA_URLS must be postgres:// or postgresql:// URLs separated by commas',
  })
  DATABASE_REPLICA_URLS!: string[];

  /** The built dashboard to serve at /; when unset the API serves only /api. */
  @IsOptional()
  @IsString()
  IOP_DASHBOARD_DIR?: string;

  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: 'development' | 'production' | 'test';

  /** Signs the access tokens; `npm start` generates one into .data/, a deployment sets its own. */
  @IsString({ message: 'IOP_JWT_SECRET is required (32 or more random characters; see docs/SECURITY.md)' })
  @MinLength(32, { message: 'IOP_JWT_SECRET must be at least 32 characters' })
  @NotEquals(PLACEHOLDER_SECRET, {
    message: 'IOP_JWT_SECRET is still the placeholder of .env.example; set a random one',
  })
  IOP_JWT_SECRET!: string;

  /**
   * The key of the keyed hash that turns a source patient id into patient_key on import (never stored in the
   * database). Changing it gives every patient a new key: re-imported patients would no longer match.
   */
  @IsString({ message: 'IOP_PATIENT_KEY_SECRET is required (32 or more random characters; see docs/SECURITY.md)' })
  @MinLength(32, { message: 'IOP_PATIENT_KEY_SECRET must be at least 32 characters' })
  @NotEquals(PLACEHOLDER_SECRET, {
    message: 'IOP_PATIENT_KEY_SECRET is still the placeholder of .env.example; set a random one',
  })
  IOP_PATIENT_KEY_SECRET!: string;

  /**
   * Marks the session cookies Secure and sends Strict-Transport-Security: set it to true wherever the dashboard
   * is served over HTTPS (and only there: HSTS over plain HTTP would ask browsers for an HTTPS that is not there).
   */
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  IOP_COOKIE_SECURE!: boolean;

  /**
   * The origins (scheme://host[:port], comma-separated) whose pages may send changes (POST, PUT, PATCH, DELETE).
   * Unset: the origin each request is addressed to (its Host header), right wherever the dashboard and the API
   * share one origin. Set it when a proxy in front of the API rewrites the Host header.
   */
  @Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((origin) => origin.trim())
          .filter((origin) => origin !== '')
      : (value as unknown),
  )
  @IsArray()
  @Matches(/^https?:\/\/[^/\s?#]+$/i, {
    each: true,
    message: 'IOP_ALLOWED_ORIGINS must be origins such as https://outcomes.example.org, separated by commas',
  })
  IOP_ALLOWED_ORIGINS!: string[];

  /** Seconds before a failed report job is tried again (up to two retries); default 30. */
  @Transform(({ value }) => (value === undefined || value === '' ? 30 : Number(value)))
  @IsInt({ message: 'IOP_REPORT_RETRY_DELAY_SECONDS must be an integer' })
  @Min(0, { message: 'IOP_REPORT_RETRY_DELAY_SECONDS must be between 0 and 3600' })
  @Max(3600, { message: 'IOP_REPORT_RETRY_DELAY_SECONDS must be between 0 and 3600' })
  IOP_REPORT_RETRY_DELAY_SECONDS!: number;

  /** Where uploaded import files wait for their job (one folder per import); default .data/imports. */
  @IsString()
  @MinLength(1, { message: 'IOP_IMPORT_DIR must not be empty' })
  IOP_IMPORT_DIR!: string;

  /** The largest file an import upload accepts, in megabytes (MiB); default 512. */
  @Transform(({ value }) => (value === undefined || value === '' ? 512 : Number(value)))
  @IsInt({ message: 'IOP_IMPORT_MAX_FILE_MB must be an integer' })
  @Min(1, { message: 'IOP_IMPORT_MAX_FILE_MB must be between 1 and 102400' })
  @Max(102_400, { message: 'IOP_IMPORT_MAX_FILE_MB must be between 1 and 102400' })
  IOP_IMPORT_MAX_FILE_MB!: number;

  /** How many files one import upload may carry; default 20. */
  @Transform(({ value }) => (value === undefined || value === '' ? 20 : Number(value)))
  @IsInt({ message: 'IOP_IMPORT_MAX_FILES must be an integer' })
  @Min(1, { message: 'IOP_IMPORT_MAX_FILES must be between 1 and 100' })
  @Max(100, { message: 'IOP_IMPORT_MAX_FILES must be between 1 and 100' })
  IOP_IMPORT_MAX_FILES!: number;

  /**
   * How often, in seconds, the API looks for a new data version and then refits the early-warning model in the
   * background, so that the first request after a load finds it ready (docs/ARCHITECTURE.md "Early warning");
   * default 60, 0 turns it off (the model is then fitted by the first request after a load).
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 60 : Number(value)))
  @IsInt({ message: 'IOP_EARLY_WARNING_REFRESH_SECONDS must be an integer' })
  @Min(0, { message: 'IOP_EARLY_WARNING_REFRESH_SECONDS must be between 0 and 86400' })
  @Max(86_400, { message: 'IOP_EARLY_WARNING_REFRESH_SECONDS must be between 0 and 86400' })
  IOP_EARLY_WARNING_REFRESH_SECONDS!: number;

  /**
   * Where alert e-mails are sent from (smtp:// or smtps://, user and password in the URL if the server needs
   * them); unset: alerts are in-app only (docs/ARCHITECTURE.md "Alerts").
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The From address of alert e-mails; default IOP Outcomes <alerts@localhost>. */
  @IsString()
  @Matches(/^[^\r\n]+@[^\r\n]+$/, { message: 'SMTP_FROM must be an e-mail address, optionally with a name' })
  SMTP_FROM!: string;

  /** The dashboard's address as its users reach it (an alert e-mail links to it); required with SMTP_URL. */
  @ValidateIf((config: AppConfig) => config.SMTP_URL !== undefined || config.PUBLIC_URL !== undefined)
  @IsString({ message: 'PUBLIC_URL is required with SMTP_URL: the alert e-mails link to the dashboard' })
  @Matches(/^https?:\/\/[^\s?#]+$/i, { message: 'PUBLIC_URL must be an http:// or https:// URL' })
  PUBLIC_URL?: string;
}

export function validateConfig(environment: Record<string, unknown>): AppConfig {
  const config = plainToInstance(AppConfig, {
    ...environment,
    PORT: environment['PORT'] ?? '',
    DATABASE_REPLICA_URLS: environment['DATABASE_REPLICA_URLS'] ?? '',
    IOP_COOKIE_SECURE: environment['IOP_COOKIE_SECURE'] ?? 'false',
    IOP_ALLOWED_ORIGINS: environment['IOP_ALLOWED_ORIGINS'] ?? '',
    IOP_REPORT_RETRY_DELAY_SECONDS: environment['IOP_REPORT_RETRY_DELAY_SECONDS'] ?? '',
    IOP_IMPORT_DIR: environment['IOP_IMPORT_DIR'] || '.data/imports',
    IOP_IMPORT_MAX_FILE_MB: environment['IOP_IMPORT_MAX_FILE_MB'] ?? '',
    IOP_IMPORT_MAX_FILES: environment['IOP_IMPORT_MAX_FILES'] ?? '',
    IOP_EARLY_WARNING_REFRESH_SECONDS: environment['IOP_EARLY_WARNING_REFRESH_SECONDS'] ?? '',
    SMTP_URL: environment['SMTP_URL'] || undefined,
    SMTP_FROM: environment['SMTP_FROM'] || 'IOP Outcomes <alerts@localhost>',
    PUBLIC_URL: environment['PUBLIC_URL'] || undefined,
  });
  const errors = validateSync(config, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    const messages = new Set(errors.flatMap((error) => Object.values(error.constraints ?? {})));
    throw new Error(`Invalid configuration: ${[...messages].join('; ')}`);
  }
  return config;
}
