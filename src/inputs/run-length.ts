/** A run's length when nothing sets it, in working days: two years. */
export const DEFAULT_DAYS = 520;

/** The longest run the engine accepts, in working days (40 years). */
export const MAX_DAYS = 10400;
