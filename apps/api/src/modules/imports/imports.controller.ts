import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ImportDetail, ImportList } from '@wgll/contracts';
import { isUUID } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { invalidField } from '../../common/api-exception.js';
import { readUpload, type UploadOptions } from '../../common/multipart-upload.js';
import { safeFileName } from '../../common/safe-file-name.js';
import { Allow, CurrentUser } from '../access/access.decorators.js';
import type { Principal } from '../access/principal.js';
import { ConfirmMatchesDto, ImportIdParam } from './dto/imports.dto.js';
import { ImportApplyService } from './import-apply.service.js';
import { ImportsService } from './imports.service.js';

/** The largest data file accepted (the 2025 file is under 100 KB). */
export const IMPORT_MAX_FILE_BYTES = 20 * 1024 * 1024;

/** How an import upload is read (readUpload): a `cycleId` field and one file. */
const IMPORT_UPLOAD: UploadOptions = {
  maxFileBytes: IMPORT_MAX_FILE_BYTES,
  fields: ['cycleId'],
  tooLarge: () => invalidField('file', 'The file must be smaller than 20 MB'),
  missingFile: 'Choose the DMA data file (.xlsx) to import',
};

/** Imports of NHS England's published DMA data file (national administrators). */
@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly applier: ImportApplyService,
  ) {}

  @Get()
  @Allow('import:manage')
  @ApiOperation({ summary: 'Imports of published results, newest first' })
  @ApiOkResponse({ description: 'ImportList' })
  list(): Promise<ImportList> {
    return this.imports.list();
  }

  @Post('dma')
  @Allow('import:manage')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['cycleId', 'file'],
      properties: {
        cycleId: {
          type: 'string',
          format: 'uuid',
          description: 'The cycle the results belong to',
        },
        file: { type: 'string', format: 'binary', description: 'NHS England’s DMA data file (.xlsx)' },
      },
    },
  })
  @ApiCreatedResponse({
    description: 'ImportDetail: imported (applied, or in review when names need a look)',
  })
  @ApiOkResponse({ description: 'ImportDetail with unchanged: true: the same file is already in the cycle' })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED (cycleId, file) or IMPORT_FILE_INVALID listing every problem',
  })
  @ApiOperation({
    summary:
      'Upload NHS England’s DMA data file (multipart: `cycleId` and `file`, .xlsx). 201 imported; 200 with ' +
      '`unchanged` when the same file is already in the cycle; names to review leave it in `review`',
  })
  async upload(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: Principal,
  ): Promise<ImportDetail> {
    const { fields, file } = await readUpload(request, IMPORT_UPLOAD);
    const cycleId = fields['cycleId']?.trim() ?? '';
    if (!isUUID(cycleId)) throw invalidField('cycleId', 'Choose the cycle these results belong to');
    const { created, detail } = await this.imports.upload(
      file.content,
      safeFileName(file.fileName, 'import.xlsx'),
      cycleId,
      user,
    );
    reply.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return detail;
  }

  @Get(':id')
  @Allow('import:manage')
  @ApiOperation({ summary: 'An import: counts per sheet and every name with how it matched' })
  @ApiOkResponse({ description: 'ImportDetail' })
  @ApiNotFoundResponse({ description: 'IMPORT_NOT_FOUND' })
  detail(@Param() { id }: ImportIdParam): Promise<ImportDetail> {
    return this.imports.detail(id);
  }

  @Post(':id/matches')
  @HttpCode(HttpStatus.OK)
  @Allow('import:manage')
  @ApiOperation({ summary: 'Confirm matches for doubtful or unmatched names; applied when none is left' })
  @ApiOkResponse({ description: 'ImportDetail' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: matches[i].publishedName or matches[i].odsCode' })
  @ApiConflictResponse({
    description: 'IMPORT_APPLIED, or IMPORT_SUPERSEDED when a later file has been applied',
  })
  confirm(
    @Param() { id }: ImportIdParam,
    @Body() body: ConfirmMatchesDto,
    @CurrentUser() user: Principal,
  ): Promise<ImportDetail> {
    return this.applier.confirm(id, body, user);
  }
}
