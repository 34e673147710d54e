/**
 * The what-if analyses, in tab order: each one's name on its tab and the command that runs the
 * same analysis from a terminal. The app shell loads this light half of the table to read links;
 * the forms, requests and views are in `analysis-table.ts`, keyed by the same ids.
 */
export const ANALYSES = {
  map: { label: 'Tipping-point map', command: 'sweep' },
  tipping: { label: 'Tipping point', command: 'tipping' },
  sensitivity: { label: 'Sensitivity', command: 'sensitivity' },
  calibrate: { label: 'Calibrate to your team', command: 'calibrate' },
  plan: { label: 'Compare your options', command: 'plan' },
  resilience: { label: 'Resilience', command: 'resilience' },
  economics: { label: 'Economics', command: 'economics' },
  constraints: { label: 'Where lead time goes', command: 'constraints' },
} as const satisfies Record<string, { label: string; command: string }>;

/** One what-if analysis. */
export type AnalysisId = keyof typeof ANALYSES;
