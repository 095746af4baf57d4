import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DATABASE_MODE, DEVELOPMENT_WRITES } from './app.tokens.js';
import { ApiExceptionFilter } from './common/api-exception.filter.js';
import { createValidationPipe } from './common/validation.js';
import type { DatabaseConnection } from './database/database-connection.js';
import { buildDataSourceOptions } from './database/database-options.js';
import { FrameworksModule } from './modules/frameworks/frameworks.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { OrganisationsModule } from './modules/organisations/organisations.module.js';

@Global()
@Module({})
export class AppModule {
  /** The database connection is started before Nest (see app.factory.ts) and passed in. */
  static forRoot(connection: DatabaseConnection, options: { developmentWrites: boolean }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(buildDataSourceOptions(connection.url, connection.mode)),
        HealthModule,
        OrganisationsModule,
        FrameworksModule,
      ],
      providers: [
        { provide: DATABASE_MODE, useValue: connection.mode },
        { provide: DEVELOPMENT_WRITES, useValue: options.developmentWrites },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
      exports: [DATABASE_MODE, DEVELOPMENT_WRITES],
    };
  }
}
