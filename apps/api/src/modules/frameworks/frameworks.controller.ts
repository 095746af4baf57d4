import { Body, Controller, Get, HttpStatus, Inject, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FrameworkUploadResult, FrameworkVersionList } from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
import type { FastifyReply } from 'fastify';
import { DEVELOPMENT_WRITES } from '../../app.tokens.js';
import { ApiException } from '../../common/api-exception.filter.js';
import { FrameworkVersionParamsDto, FrameworkVersionQueryDto } from './dto/framework-params.dto.js';
import { FrameworksService } from './frameworks.service.js';

@ApiTags('frameworks')
@Controller('frameworks')
export class FrameworksController {
  constructor(
    private readonly frameworks: FrameworksService,
    @Inject(DEVELOPMENT_WRITES) private readonly developmentWrites: boolean,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Framework versions: the bundled question bank and any uploaded' })
  @ApiOkResponse({ description: 'FrameworkVersionList' })
  list(): Promise<FrameworkVersionList> {
    return this.frameworks.list();
  }

  @Get(':frameworkId/versions/:version')
  @ApiOperation({ summary: 'The full tree of a framework version, optionally for one care setting' })
  @ApiOkResponse({ description: 'FrameworkVersion (libs/framework)' })
  @ApiNotFoundResponse({ description: 'FRAMEWORK_VERSION_NOT_FOUND' })
  get(
    @Param() { frameworkId, version }: FrameworkVersionParamsDto,
    @Query() { careSetting }: FrameworkVersionQueryDto,
  ): Promise<FrameworkVersion> {
    return this.frameworks.get(frameworkId, version, careSetting);
  }

  @Post()
  @ApiOperation({
    summary: 'Upload a framework version as JSON (development only until sign-in exists)',
    description:
      'Validated in full: a 400 lists every problem with its path. A published version never changes.',
  })
  @ApiOkResponse({
    description: 'FrameworkUploadResult: 201 when stored, 200 when an identical version exists',
  })
  @ApiBadRequestResponse({ description: 'FRAMEWORK_INVALID, with errors[].field the path in the document' })
  @ApiConflictResponse({ description: 'FRAMEWORK_VERSION_PUBLISHED' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN outside development' })
  async upload(
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FrameworkUploadResult> {
    if (!this.developmentWrites) {
      throw new ApiException(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        'Uploading frameworks is open only in development until national administrator accounts exist.',
      );
    }
    const result = await this.frameworks.upload(body, 'uploaded');
    void reply.status(result.created ? HttpStatus.CREATED : HttpStatus.OK);
    return result;
  }
}
