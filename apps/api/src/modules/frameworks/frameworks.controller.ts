import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FrameworkUploadResult, FrameworkVersionList, FrameworkVersionSummary } from '@wgll/contracts';
import type { FrameworkVersion, VersionChanges } from '@wgll/framework';
import type { FastifyReply } from 'fastify';
import { Allow, CurrentUser, Origin, SignedIn } from '../access/access.decorators.js';
import type { Principal, RequestOrigin } from '../access/principal.js';
import { AuditService } from '../audit/audit.service.js';
import { FrameworkVersionParamsDto, FrameworkVersionQueryDto } from './dto/framework-params.dto.js';
import { FrameworksService } from './frameworks.service.js';

@ApiTags('frameworks')
@Controller('frameworks')
export class FrameworksController {
  constructor(
    private readonly frameworks: FrameworksService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'Framework versions: the bundled question bank and any uploaded' })
  @ApiOkResponse({ description: 'FrameworkVersionList' })
  list(): Promise<FrameworkVersionList> {
    return this.frameworks.list();
  }

  @Get(':frameworkId/versions/:version')
  @SignedIn()
  @ApiOperation({ summary: 'The full tree of a framework version, optionally for one care setting' })
  @ApiOkResponse({ description: 'FrameworkVersion (libs/framework)' })
  @ApiNotFoundResponse({ description: 'FRAMEWORK_VERSION_NOT_FOUND' })
  get(
    @Param() { frameworkId, version }: FrameworkVersionParamsDto,
    @Query() { careSetting }: FrameworkVersionQueryDto,
  ): Promise<FrameworkVersion> {
    return this.frameworks.get(frameworkId, version, careSetting);
  }

  @Get(':frameworkId/versions/:version/changes')
  @SignedIn()
  @ApiOperation({
    summary:
      'What changed since the version this one follows: each domain with its lineage, the retired domains, return sizes',
  })
  @ApiOkResponse({ description: 'VersionChanges (libs/framework)' })
  @ApiNotFoundResponse({
    description: 'FRAMEWORK_VERSION_NOT_FOUND, or FRAMEWORK_VERSION_HAS_NO_PREVIOUS for a first version',
  })
  changes(@Param() { frameworkId, version }: FrameworkVersionParamsDto): Promise<VersionChanges> {
    return this.frameworks.changes(frameworkId, version);
  }

  @Post(':frameworkId/versions/:version/retire')
  @HttpCode(HttpStatus.OK)
  @Allow('framework:manage')
  @ApiOperation({
    summary: 'Retire a framework version (national administrators)',
    description:
      'It stays readable, with the cycles and returns that use it, but can no longer be chosen for a new cycle. Audited; retiring it again changes nothing.',
  })
  @ApiOkResponse({ description: 'FrameworkVersionSummary with retiredAt' })
  @ApiNotFoundResponse({ description: 'FRAMEWORK_VERSION_NOT_FOUND' })
  @ApiConflictResponse({
    description: 'FRAMEWORK_VERSION_IN_USE: a cycle that is not retired and not yet closed uses it',
  })
  retire(
    @Param() { frameworkId, version }: FrameworkVersionParamsDto,
    @CurrentUser() user: Principal,
  ): Promise<FrameworkVersionSummary> {
    return this.frameworks.retire(frameworkId, version, user);
  }

  @Post()
  @Allow('framework:manage')
  @ApiOperation({
    summary: 'Upload a framework version as JSON (national administrators)',
    description:
      'Validated in full: a 400 lists every problem with its path. A published version never changes.',
  })
  @ApiOkResponse({
    description: 'FrameworkUploadResult: 201 when stored, 200 when an identical version exists',
  })
  @ApiBadRequestResponse({ description: 'FRAMEWORK_INVALID, with errors[].field the path in the document' })
  @ApiConflictResponse({ description: 'FRAMEWORK_VERSION_PUBLISHED' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: national administrators only' })
  async upload(
    @Body() body: unknown,
    @CurrentUser() user: Principal,
    @Origin() origin: RequestOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FrameworkUploadResult> {
    const result = await this.frameworks.upload(body, 'uploaded');
    if (result.created) {
      await this.audit.record({
        action: 'framework.uploaded',
        actor: user,
        target: {
          type: 'framework-version',
          id: `${result.version.frameworkId}@${result.version.version}`,
          label: result.version.title,
        },
        origin,
        details: { status: result.version.status },
      });
    }
    void reply.status(result.created ? HttpStatus.CREATED : HttpStatus.OK);
    return result;
  }
}
