/** How each kind of break reads on the ops pages (a reconciliation finding included). */
export const BREAK_REASON_LABELS: Record<string, string> = {
  rejected: "Refused by the receiver",
  dead_lettered: "Dead-lettered: it will not be tried again on its own",
  late: "Past its deadline without arriving",
  mismatch: "Found by reconciliation: the systems disagree",
};
