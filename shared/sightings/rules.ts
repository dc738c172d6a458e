/** Thresholds of the local-sighting rules, kept apart from the logic. */
export const SIGHTING_RULES = {
  /** Distinct brands a number must be seen with (this message included) to be called multi-brand. */
  multiBrandMinimum: 2,
  /** Messages (this one included) within the burst window that make a burst. */
  burstMessages: 3,
  burstWindowDays: 3,
  /** What the device keeps: dates per number, numbers in all, and for how long. */
  maxDatesPerNumber: 50,
  maxNumbers: 5_000,
  retentionDays: 90,
} as const;
