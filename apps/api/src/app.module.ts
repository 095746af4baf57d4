import { type DynamicModule, Global, Module } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AUTH_SECRET, DATABASE_MODE } from './app.tokens.js';
import { ApiExceptionFilter } from './common/api-exception.filter.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/app-config.js';
import type { DatabaseConnection } from './database/database-connection.js';
import { buildDataSourceOptions } from './database/database-options.js';
import { AccessModule } from './modules/access/access.module.js';
import { AssessmentsModule } from './modules/assessments/assessments.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { PlansModule } from './modules/plans/plans.module.js';
import { TargetsModule } from './modules/targets/targets.module.js';
import { PeerLearningModule } from './modules/peer-learning/peer-learning.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { BoardPackModule } from './modules/board-pack/board-pack.module.js';
import { CyclesModule } from './modules/cycles/cycles.module.js';
import { FrameworksModule } from './modules/frameworks/frameworks.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { ImportsModule } from './modules/imports/imports.module.js';
import { HierarchyRepository } from './modules/organisations/hierarchy.repository.js';
import { OrganisationsModule } from './modules/organisations/organisations.module.js';
import { ResultsModule } from './modules/results/results.module.js';
import { UsersModule } from './modules/users/users.module.js';
import { WaitingModule } from './modules/waiting/waiting.module.js';

@Global()
@Module({})
export class AppModule {
  /** The database connection is started before Nest (see app.factory.ts) and passed in. */
  static forRoot(connection: DatabaseConnection, config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(buildDataSourceOptions(connection.url, connection.mode)),
        AuditModule,
        AccessModule.forRoot({ imports: [OrganisationsModule], hierarchy: HierarchyRepository }),
        HealthModule,
        OrganisationsModule,
        FrameworksModule,
        UsersModule,
        AuthModule,
        CyclesModule,
        AssessmentsModule,
        PlansModule,
        TargetsModule,
        PeerLearningModule,
        BoardPackModule,
        ResultsModule,
        WaitingModule,
        ImportsModule,
        NotificationsModule,
      ],
      providers: [
        { provide: DATABASE_MODE, useValue: connection.mode },
        { provide: APP_CONFIG, useValue: config },
        // Without AUTH_SECRET (allowed outside production) a random secret per process: after a
        // restart the web app renews its access token from the refresh token, which is stored.
        { provide: AUTH_SECRET, useValue: config.auth.secret ?? randomBytes(48).toString('base64') },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
      exports: [DATABASE_MODE, APP_CONFIG, AUTH_SECRET],
    };
  }
}
