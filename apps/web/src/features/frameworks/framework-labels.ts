import type { FrameworkLevel, FrameworkStatus } from '@wgll/framework';

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
