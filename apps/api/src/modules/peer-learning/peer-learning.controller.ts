import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PeerLearning, PeerSharing } from '@wgll/contracts';
import { Allow, CurrentUser } from '../access/access.decorators.js';
import type { Principal } from '../access/principal.js';
import { OdsCodeParamDto } from '../organisations/dto/organisation-queries.dto.js';
import { PeersParams, PeersQuery, SavePeerSharingDto } from './dto/peer-learning.dto.js';
import { PeerMatchesService } from './peer-matches.service.js';
import { PeerSharingService } from './peer-sharing.service.js';

const ORGANISATION = { type: 'organisation', param: 'code', today: true } as const;

/** Peer learning (issue 19): an organisation's sharing setting, and who meets what a trust lacks. */
@ApiTags('peer-learning')
@Controller()
export class PeerLearningController {
  constructor(
    private readonly sharing: PeerSharingService,
    private readonly matches: PeerMatchesService,
  ) {}

  @Get('organisations/:code/sharing')
  @Allow('return:view', ORGANISATION)
  @ApiOperation({ summary: 'The organisation’s sharing setting for peer learning (its team)' })
  getSharing(@Param() { code }: OdsCodeParamDto, @CurrentUser() user: Principal): Promise<PeerSharing> {
    return this.sharing.get(code, user);
  }

  @Put('organisations/:code/sharing')
  @Allow('return:submit', ORGANISATION)
  @ApiOperation({
    summary: 'Change the sharing setting (trust lead); 409 SHARING_CONFLICT with `current` when stale',
  })
  saveSharing(
    @Param() { code }: OdsCodeParamDto,
    @Body() body: SavePeerSharingDto,
    @CurrentUser() user: Principal,
  ): Promise<PeerSharing> {
    return this.sharing.save(code, body, user);
  }

  @Get('returns/:id/peers')
  @Allow('return:view', { type: 'return', param: 'id' })
  @ApiOperation({
    summary:
      'Who meets what the trust lacks in a domain: named peers that opted in, others only counted (sealed returns only)',
  })
  peers(
    @Param() { id }: PeersParams,
    @Query() { domain }: PeersQuery,
    @CurrentUser() user: Principal,
  ): Promise<PeerLearning> {
    return this.matches.peers(id, domain, user);
  }
}
