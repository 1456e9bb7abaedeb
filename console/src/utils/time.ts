// Times are shown in Beijing time (Asia/Shanghai) whatever the browser's zone: the regulation's
// deadlines are counted on Beijing's calendar.
const ZONE = "Asia/Shanghai";

const dateTime = new Intl.DateTimeFormat("zh-CN", {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});
const dateOnly = new Intl.DateTimeFormat("zh-CN", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

function parse(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2026-12-02 11:25" in Beijing time; "—" when there is none. */
export function beijingDateTime(value: string | Date | null | undefined): string {
  const date = parse(value);
  if (!date) return "—";
  const parts = Object.fromEntries(dateTime.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** "2026-12-02" on Beijing's calendar; a plain ISO date is shown as it is. */
export function beijingDate(value: string | Date | null | undefined): string {
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = parse(value);
  if (!date) return "—";
  const parts = Object.fromEntries(dateOnly.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** "还剩 2 天 3 小时" / "已逾期 5 小时": the time left to a deadline, and whether it has passed. */
export function countdown(deadline: string | Date, now: Date = new Date()): { text: string; overdue: boolean } {
  const due = parse(deadline);
  if (!due) return { text: "—", overdue: false };
  const ms = due.getTime() - now.getTime();
  const overdue = ms < 0;
  const minutes = Math.floor(Math.abs(ms) / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const span = days > 0 ? `${days} 天 ${hours} 小时` : hours > 0 ? `${hours} 小时 ${minutes % 60} 分` : `${minutes % 60} 分钟`;
  return { text: overdue ? `已逾期 ${span}` : `还剩 ${span}`, overdue };
}
