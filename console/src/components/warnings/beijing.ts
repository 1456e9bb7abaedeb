// Date pickers show and take Beijing wall time (the regulation's calendar); the server gets it
// with its offset, whatever the browser's own zone.
export const PICKER_FORMAT = "YYYY-MM-DD HH:mm";
export const PICKER_VALUE = "YYYY-MM-DDTHH:mm:ss";

/** "2026-12-02T15:30:00" (Beijing wall time) -> "2026-12-02T15:30:00+08:00". */
export const withBeijingOffset = (wall: string): string => `${wall}+08:00`;

/** Today's date on Beijing's calendar, "2026-12-02". */
export function beijingToday(): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  return parts;
}

/** One entry per non-empty line. */
export const lines = (text: string): string[] =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
