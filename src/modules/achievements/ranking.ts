// The ranking policy: level first, then result (grade or placement; titles at the top,
// vague results last), then date. `rankKey` encodes it as a sortable string.

export interface RankInput {
  levelRank: number;
  resultRank: number;
  sortDate: Date;
}

const pad = (n: number, width: number) => String(Math.max(0, Math.min(n, 10 ** width - 1))).padStart(width, '0');

export function rankKey({ levelRank, resultRank, sortDate }: RankInput): string {
  return `${pad(levelRank, 2)}.${pad(resultRank, 2)}.${sortDate.toISOString()}`;
}

/** The date to order by: the record's own, else the last day of its year. */
export function sortDateOf(date: Date | null | undefined, year: number): Date {
  return date ?? new Date(Date.UTC(year, 11, 31));
}
