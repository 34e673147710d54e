/** The what-if analyses, in tab order, with their names. */
export const ANALYSES = {
  map: 'Tipping-point map',
  tipping: 'Tipping point',
  sensitivity: 'Sensitivity',
  calibrate: 'Calibrate to your team',
  plan: 'Compare your options',
  resilience: 'Resilience',
  economics: 'Economics',
  constraints: 'Where lead time goes',
} as const;

/** One what-if analysis. */
export type AnalysisId = keyof typeof ANALYSES;
