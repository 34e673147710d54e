/**
 * A colour-blind-safe palette (Okabe–Ito), each colour paired with a dash pattern so no series
 * is told apart by colour alone.
 */
export const PALETTE = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  sky: '#56B4E9',
  yellow: '#F0E442',
  grey: '#6b7280',
  black: '#1b1f24',
} as const;

/** Dash patterns in the order layers use them. */
export const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4'] as const;
