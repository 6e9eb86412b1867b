// Counts read as "18,305" everywhere (en-US grouping regardless of the viewer's locale keeps tests and
// screenshots stable, and ops dashboards are read in English here).
const fmt = new Intl.NumberFormat("en-US");
export function formatCount(n: number): string {
  return fmt.format(n);
}
