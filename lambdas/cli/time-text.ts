/**
 * Times in the CLI's tables: "2026-12-02 09:55", always UTC (the column header says so), to the
 * minute, as the HTML report shows them. Text that is not an ISO time is shown as it is.
 */
export function utcMinute(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso;
}
