import type { CareSetting, FrameworkLevel, FrameworkStatus } from '@wgll/framework';

import { careSettingLabels } from '../../lib/format';

/** Who a framework version is for. */
export const frameworkLevelLabels: Record<FrameworkLevel, string> = {
  organisation: 'Organisations (trusts)',
  system: 'Integrated care systems (ICBs)',
};

export const frameworkStatusLabels: Record<FrameworkStatus, string> = {
  draft: 'Draft',
  published: 'Published',
  retired: 'Retired',
};

export const careSettings = Object.keys(careSettingLabels) as CareSetting[];

export function isCareSetting(value: string): value is CareSetting {
  return Object.hasOwn(careSettingLabels, value);
}
