import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ReadableReturn } from '@wgll/contracts';
import type { FastifyReply } from 'fastify';
import { Allow, CurrentUser } from '../access/access.decorators.js';
import type { Principal } from '../access/principal.js';
import { ReturnIdParam, SealParams } from './dto/returns.dto.js';
import { ReturnExportService, type WorkbookFile } from './return-export.service.js';

const RETURN = { type: 'return', param: 'id' } as const;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Returns for reading: as a spreadsheet, and a sealed revision in words rather than ids. */
@ApiTags('returns')
@Controller('returns')
export class ReturnExportController {
  constructor(private readonly exports: ReturnExportService) {}

  @Get(':id/export.xlsx')
  @Allow('return:view', RETURN)
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({
    summary:
      'The return as it is now, as a spreadsheet: every domain with the elements met in words, level, comment, confidence and evidence',
  })
  async workbook(
    @Param() { id }: ReturnIdParam,
    @CurrentUser() user: Principal,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await send(reply, await this.exports.liveWorkbook(id, user));
  }

  @Get(':id/seals/:revision/readable')
  @Allow('return:view', RETURN)
  @ApiOperation({
    summary:
      'A sealed revision for reading: titles, element texts, comments, confidence and evidence (the canonical JSON stays as sealed)',
  })
  readable(@Param() { id, revision }: SealParams): Promise<ReadableReturn> {
    return this.exports.sealed(id, revision);
  }

  @Get(':id/seals/:revision/export.xlsx')
  @Allow('return:view', RETURN)
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({ summary: 'A sealed revision as a spreadsheet, for reading (not for verification)' })
  async sealedWorkbook(@Param() { id, revision }: SealParams, @Res() reply: FastifyReply): Promise<void> {
    await send(reply, await this.exports.sealedWorkbook(id, revision));
  }
}

async function send(reply: FastifyReply, file: WorkbookFile): Promise<void> {
  await reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.bytes);
}
