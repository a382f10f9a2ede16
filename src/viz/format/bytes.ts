/** A size in plain words: "under 1 KB", "850 KB", "2.4 MB", "1.2 GB" (1 KB = 1,024 bytes, as browsers count). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) return bytes > 0 ? 'under 1 KB' : 'nothing';
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  // One decimal below 10 ("2.4 MB"), whole numbers above ("850 KB", "120 GB").
  const shown = value < 10 ? (Math.round(value * 10) / 10).toLocaleString('en') : Math.round(value).toLocaleString('en');
  return `${shown} ${units[unit]}`;
}
