// The periods the client pages show (shared by the dashboard's service and its page).

/** KPI cards compare the last 30 days with the 30 before. */
export const KPI_DAYS = 30;

/** The chart of daily runs offers these ranges, in days. */
export const CHART_RANGES = [7, 30, 90] as const;
export type ChartRange = (typeof CHART_RANGES)[number];
