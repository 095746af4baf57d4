import { Controller, Get, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditChainVerification, AuditList } from '@wgll/contracts';
import { Allow } from '../access/access.decorators.js';
import { AuditService } from './audit.service.js';
import { AuditListQueryDto } from './audit-query.dto.js';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Allow('audit:read')
  @ApiOperation({ summary: 'The audit log, newest first (national administrators)' })
  @ApiOkResponse({ description: 'AuditList' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN' })
  list(@Query() query: AuditListQueryDto): Promise<AuditList> {
    return this.audit.list(query);
  }

  @Get('verification')
  @Allow('audit:read')
  @ApiOperation({
    summary:
      'Checks the audit log: links pending entries, then recomputes every hash of the chain in order (national administrators)',
  })
  @ApiOkResponse({ description: 'AuditChainVerification' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN' })
  verify(): Promise<AuditChainVerification> {
    return this.audit.verifyChain();
  }
}
