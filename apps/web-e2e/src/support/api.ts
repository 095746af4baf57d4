import type { FrameworkVersion } from '@wgll/framework';
import { MEASURE_IDS } from '@wgll/framework';
import type { APIRequestContext } from 'playwright-core';

/**
 * A small framework keeps a journey quick: one domain per measure, two elements per level, each
 * element's text unique so a checkbox is found by its label. The first domain allows "not applicable".
 */
export function smallFramework(level: 'organisation' | 'system', frameworkId: string): FrameworkVersion {
  return {
    frameworkId,
    version: '1',
    title: `Browser test framework ${frameworkId}`,
    publishedOn: '2026-04-01',
    status: 'published',
    level,
    scale: { min: 1, max: 5 },
    measures: MEASURE_IDS.map((id) => ({ id, name: `Measure ${id}` })),
    domains: MEASURE_IDS.map((measure, i) => ({
      id: `${measure}-d`,
      measure,
      title: `Domain of ${measure}`,
      whatGoodLooksLike: `Good ${measure} happens.`,
      careSettings: 'all',
      notApplicableAllowed: i === 0,
      lineage: { id: `${measure}-d`, relation: 'new' },
      levels: ([1, 2, 3, 4, 5] as const).map((l) => ({
        level: l,
        descriptor: `Level ${l} of ${measure}`,
        elements:
          l === 1
            ? []
            : [1, 2].map((n) => ({
                id: `${measure}-d-l${l}-e${n}`,
                text: `${measure} element ${n} at level ${l}`,
                guidance: 'Guidance.',
                evidence: 'Evidence.',
              })),
      })),
    })),
  };
}

/** A write through the API as the context's signed-in user; anything but 200 or 201 throws, with the body. */
export async function send<T>(
  request: APIRequestContext,
  csrf: string,
  method: 'post' | 'put',
  path: string,
  data: unknown,
): Promise<T> {
  const res = await request[method](path, { headers: { 'x-csrf-token': csrf }, data });
  if (![200, 201].includes(res.status())) {
    throw new Error(`${method.toUpperCase()} ${path}: ${res.status()} ${await res.text()}`);
  }
  return (await res.json()) as T;
}
