/** Today in the user's own time zone, `YYYY-MM-DD`: the engine never reads the clock, the page does. */
export function today(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}
