import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WaitingForYou } from '@wgll/contracts';
import { CurrentUser, SignedIn } from '../access/access.decorators.js';
import type { Principal } from '../access/principal.js';
import { WaitingService } from './waiting.service.js';

@ApiTags('me')
@Controller('me')
export class WaitingController {
  constructor(private readonly waiting: WaitingService) {}

  @Get('waiting')
  @SignedIn()
  @ApiOperation({
    summary:
      'What waits for the signed-in person: returns to approve, assignments, returns sent back or ready to submit, returns to chase, plan actions due',
  })
  forMe(@CurrentUser() user: Principal): Promise<WaitingForYou> {
    return this.waiting.forPerson(user);
  }
}
