import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import type { INestApplicationContext } from '@nestjs/common';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ACCESS_RULE, type AccessRule } from './access.decorators.js';

export interface RouteDeclaration {
  method: string;
  /** Without the global /api prefix, e.g. /organisations/:code/team */
  path: string;
  handler: string;
  rule: AccessRule | undefined;
}

const join = (...parts: (string | undefined)[]): string =>
  `/${parts
    .filter((p) => p !== undefined && p !== '' && p !== '/')
    .map((p) => p!.replace(/^\/+|\/+$/g, ''))
    .join('/')}`;

/** Every route the app's controllers register, with the access rule each declares (if any). */
export function routeDeclarations(app: INestApplicationContext): RouteDeclaration[] {
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const routes: RouteDeclaration[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => object) | null;
      if (!controller) continue;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
      const prototype = controller.prototype as Record<string, (...args: unknown[]) => unknown>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name]!;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        for (const p of Array.isArray(path) ? path : [path]) {
          routes.push({
            method,
            path: join(base, p),
            handler: `${controller.name}.${name}`,
            rule: reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [handler, controller]),
          });
        }
      }
    }
  }
  return routes;
}
