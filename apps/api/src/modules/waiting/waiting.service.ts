import { Injectable } from '@nestjs/common';
import type { WaitingForYou } from '@wgll/contracts';
import { todayInLondon } from '../../common/iso-date.js';
import type { Principal } from '../access/principal.js';
import { WaitingReturnsReader } from '../assessments/waiting-returns.reader.js';
import { PlanActionsReader } from '../plans/plan-actions.reader.js';
import { ReturnsToChaseReader } from '../results/returns-to-chase.reader.js';

/**
 * "Waiting for you": what needs the signed-in person, put together from the modules that own each
 * part (returns and assignments, returns to chase, plan actions), each within the person's roles.
 */
@Injectable()
export class WaitingService {
  constructor(
    private readonly returns: WaitingReturnsReader,
    private readonly chase: ReturnsToChaseReader,
    private readonly actions: PlanActionsReader,
  ) {}

  async forPerson(user: Principal): Promise<WaitingForYou> {
    const today = todayInLondon();
    // One after the other: on the embedded database every query shares one connection anyway.
    const returns = await this.returns.forPerson(user, today);
    const chase = await this.chase.forPerson(user);
    const actionsDue = await this.actions.forOwner(user, today);
    return { today, ...returns, ...chase, actionsDue };
  }
}
