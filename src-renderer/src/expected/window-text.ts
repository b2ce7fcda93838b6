/** "09:00–17:00", or with the days when a visit spans several ("12-01 09:00 – 12-02 17:00"). */
export function windowText(begin: string, end: string): string {
  const b = new Date(begin);
  const e = new Date(end);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const day = (d: Date) => `${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  if (b.toDateString() === e.toDateString()) return `${day(b)} ${time(b)}–${time(e)}`;
  return `${day(b)} ${time(b)} – ${day(e)} ${time(e)}`;
}
