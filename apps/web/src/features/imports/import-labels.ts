import type { ImportName, ImportSheetCount, ImportState, MatchMethod } from '@wgll/contracts';

export const importStateLabels: Record<ImportState, string> = {
  review: 'Needs review',
  applied: 'Applied',
};

export const sheetLabels: Record<ImportSheetCount['what'], string> = {
  'provider-measures': 'Provider scores by measure',
  'icb-measures': 'ICB scores by measure',
  'provider-comparable-overall': 'Provider overall scores, comparable domains',
  'icb-comparable-overall': 'ICB overall scores, comparable domains',
  'icb-primary-care-measures': 'ICB primary care survey scores by measure',
};

export const matchMethodLabels: Record<MatchMethod, string> = {
  name: 'Same name',
  'previous-name': 'An earlier name',
  'confirmed-before': 'Confirmed in an earlier import',
  confirmed: 'Confirmed in this import',
};

export const nameStatusLabels: Record<ImportName['status'], string> = {
  matched: 'Matched',
  doubtful: 'Doubtful',
  unmatched: 'Not matched',
};

export const kindLabels: Record<ImportName['kind'], string> = {
  organisation: 'Organisation',
  ics: 'ICS',
};
