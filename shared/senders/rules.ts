/** Thresholds of the familiar-sender evidence, kept apart from the logic. */
export const SENDER_RULES = {
  /** Distinct earlier days with mail from a sender that make it familiar. */
  familiarDays: 5,
  /** What the device keeps: days per sender, senders in all, and for how long. */
  maxDaysPerSender: 30,
  maxSenders: 5_000,
  retentionDays: 365,
} as const;
