import { describe, expect, it } from '@jest/globals';
import { Controller, Get, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Allow, Public } from './access.decorators.js';
import { routeDeclarations } from './route-declarations.js';

@Controller('things')
class ThingsController {
  @Get()
  @Public()
  list(): string[] {
    return [];
  }

  @Get(':code')
  @Allow('organisation:view', { type: 'organisation', param: 'code' })
  one(): string {
    return '';
  }

  @Post()
  forgotten(): void {}
}

describe('routeDeclarations', () => {
  it('lists every route with its rule, and finds one that declares nothing', async () => {
    const module = await Test.createTestingModule({ controllers: [ThingsController] }).compile();
    const routes = routeDeclarations(module);
    expect(routes.map((r) => [r.method, r.path, r.rule?.kind])).toEqual([
      ['GET', '/things', 'public'],
      ['GET', '/things/:code', 'allow'],
      ['POST', '/things', undefined],
    ]);
    await module.close();
  });
});
