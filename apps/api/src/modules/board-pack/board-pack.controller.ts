import { Controller, Get, Param, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow, CurrentUser } from '../access/access.decorators.js';
import type { Principal } from '../access/principal.js';
import { BoardPackParams, SealedBoardPackParams } from './dto/board-pack.dto.js';
import { BoardPackService } from './board-pack.service.js';
import { BoardPackGenerator } from './board-pack.generator.js';

const RETURN = { type: 'return', param: 'id' } as const;

/** A return's board pack as a PDF: a draft of the return as it stands, or the final pack of a sealed revision. */
@ApiTags('returns')
@Controller('returns/:id')
export class BoardPackController {
  constructor(
    private readonly packs: BoardPackService,
    private readonly generator: BoardPackGenerator,
  ) {}

  @Get('board-pack.pdf')
  @Allow('return:view', RETURN)
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: 'The draft board pack of the return as it stands (PDF, watermarked "Draft – not approved")',
  })
  @ApiNotFoundResponse({ description: 'RETURN_NOT_FOUND' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: the return is not yours to view' })
  @ApiServiceUnavailableResponse({ description: 'BOARD_PACK_BUSY with Retry-After: too many packs at once' })
  async draft(
    @Param() { id }: BoardPackParams,
    @CurrentUser() user: Principal,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const pdf = await this.generator.generate(() => this.packs.draft(id, user));
    await send(reply, pdf);
  }

  @Get('seals/:revision/board-pack.pdf')
  @Allow('return:view', RETURN)
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary:
      "The final board pack of a sealed revision (PDF), with the seal's SHA-256 and where to check it on every page",
  })
  @ApiNotFoundResponse({ description: 'RETURN_NOT_FOUND, or NOT_FOUND when the revision was never sealed' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: the return is not yours to view' })
  @ApiServiceUnavailableResponse({ description: 'BOARD_PACK_BUSY with Retry-After: too many packs at once' })
  async final(
    @Param() { id, revision }: SealedBoardPackParams,
    @CurrentUser() user: Principal,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const pdf = await this.generator.generate(() => this.packs.final(id, revision, user));
    await send(reply, pdf);
  }
}

async function send(reply: FastifyReply, pdf: { bytes: Buffer; fileName: string }): Promise<void> {
  await reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${pdf.fileName}"`)
    .header('cache-control', 'no-store')
    .send(pdf.bytes);
}
