import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

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

  /** The built dashboard to serve at /; when unset the API serves only /api. */
  @IsOptional()
  @IsString()
  IOP_DASHBOARD_DIR?: string;

  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: 'development' | 'production' | 'test';
}

export function validateConfig(environment: Record<string, unknown>): AppConfig {
  const config = plainToInstance(AppConfig, { ...environment, PORT: environment['PORT'] ?? '' });
  const errors = validateSync(config, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    const messages = new Set(errors.flatMap((error) => Object.values(error.constraints ?? {})));
    throw new Error(`Invalid configuration: ${[...messages].join('; ')}`);
  }
  return config;
}
