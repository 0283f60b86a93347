/** "2 days", "36 hours": a stretch of a hold as the shopper reads it. */
export const holdHoursText = (hours: number) => (hours % 24 === 0 ? `${hours / 24} ${hours === 24 ? "day" : "days"}` : `${hours} ${hours === 1 ? "hour" : "hours"}`);
