import { existsSync } from 'node:fs';
import { DynamicModule, Logger, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/app-config.token';
import { typeOrmOptions } from './database/typeorm-options';
import { AccountsModule } from './accounts/accounts.module';
import { AgendaModule } from './agenda/agenda.module';
import { ImportsModule } from './agenda/imports/imports.module';
import { AuditModule } from './audit/audit.module';
import { BookingModule } from './booking/booking.module';
import { CalendarsModule } from './calendars/calendars.module';
import { HealthModule } from './health/health.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { Clock, SystemClock } from './jobs/clock';
import { JobsModule } from './jobs/jobs.module';
import { LiveModule } from './live/live.module';
import { loggerOptions } from './logging/logger-options';
import { MessagesModule } from './messages/messages.module';
import { RequestsModule } from './requests/requests.module';
import { TerritoryModule } from './territory/territory.module';

/** The whole server, on the database at `databaseUrl`; tests pass a clock of their own to drive the jobs. */
@Module({})
export class AppModule {
  static register(config: AppConfig, databaseUrl: string, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerOptions(config.logLevel)),
        TypeOrmModule.forRoot(typeOrmOptions(databaseUrl)),
        ...consoleModule(config.consoleDir),
        AuditModule,
        AccountsModule,
        HealthModule,
        TerritoryModule,
        AgendaModule,
        RequestsModule,
        MessagesModule,
        BookingModule,
        CalendarsModule,
        IndicatorsModule,
        LiveModule,
        ImportsModule,
        JobsModule.register({ enabled: config.jobsEnabled, clock }),
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
      global: true,
    };
  }
}

/** Serves the built console at `/` (with its client-side routes), when it has been built. */
function consoleModule(consoleDir: string): DynamicModule[] {
  if (!existsSync(consoleDir)) {
    new Logger('Console').warn(`No built console at ${consoleDir}: serving the API only.`);
    return [];
  }
  return [ServeStaticModule.forRoot({ rootPath: consoleDir, exclude: ['/api/{*path}'] })];
}
