import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthResponse } from '@wgll/contracts';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { DATABASE_MODE } from '../../app.tokens.js';
import { Public } from '../access/access.decorators.js';
import type { DatabaseMode } from '../../database/database-options.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DATABASE_MODE) private readonly databaseMode: DatabaseMode,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and database reachability' })
  @ApiOkResponse({ description: 'The API and its database are up' })
  @ApiServiceUnavailableResponse({ description: 'The database cannot be reached' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    let database: HealthResponse['database'] = 'up';
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      database = 'down';
      void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    }
    return {
      status: database === 'up' ? 'ok' : 'error',
      database,
      databaseMode: this.databaseMode,
      version: process.env.npm_package_version ?? '0.1.0',
    };
  }
}
