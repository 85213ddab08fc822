import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { ServeStaticModule } from '@nestjs/serve-static';
import { AppConfig, validateConfig } from './config/app-config';
import { AdminModule } from './admin/admin.module';
import { AlertsModule } from './alerts/alerts.module';
import { AnnotationsModule } from './annotations/annotations.module';
import { AuditModule } from './audit/audit.module';
import { BenchmarksModule } from './benchmarks/benchmarks.module';
import { AuthModule } from './auth/auth.module';
import { DatabaseModule } from './database/database.module';
import { EarlyWarningModule } from './early-warning/early-warning.module';
import { EvidenceModule } from './evidence/evidence.module';
import { ExportsModule } from './exports/exports.module';
import { FiltersModule } from './filters/filters.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { AttendanceModule } from './attendance/attendance.module';
import { CostsModule } from './costs/costs.module';
import { RetentionModule } from './retention/retention.module';
import { QualityModule } from './quality/quality.module';
import { ReportsModule } from './reports/reports.module';
import { DataModule } from './data/data.module';
import { ImportsModule } from './imports/imports.module';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateConfig }),
    // The built dashboard, on the same origin as the API; every non-API path falls back to its index.html.
    ServeStaticModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => {
        const rootPath = config.get('IOP_DASHBOARD_DIR', { infer: true });
        return rootPath ? [{ rootPath, exclude: ['/api/{*path}'] }] : [];
      },
    }),
    DatabaseModule,
    AuditModule,
    AuthModule,
    HealthModule,
    MetricsModule,
    AttendanceModule,
    RetentionModule,
    CostsModule,
    BenchmarksModule,
    EvidenceModule,
    QualityModule,
    FiltersModule,
    AdminModule,
    ExportsModule,
    ReportsModule,
    ImportsModule,
    DataModule,
    AnnotationsModule,
    EarlyWarningModule,
    AlertsModule,
  ],
})
export class AppModule {}
