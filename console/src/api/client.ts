// The console's one way to call the server: same origin, the session cookie, the CSRF header on
// state-changing calls (double submit of the readable `lianfang_csrf` cookie), 401 -> sign-in.

export interface FieldError {
  field: string;
  message: string;
}

/** An answer other than 2xx: its status, the server's words, and 422 errors per form field. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: unknown;
  readonly fields: FieldError[];

  constructor(status: number, message: string, body: unknown, fields: FieldError[] = []) {
    super(message);
    this.status = status;
    this.body = body;
    this.fields = fields;
  }

  /** The messages of the form fields (`{field: message}`), for el-form-item's `error`. */
  get byField(): Record<string, string> {
    return Object.fromEntries(this.fields.map((f) => [f.field, f.message]));
  }
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
let onUnauthorised: () => void = () => {};

/** What to do when the session has ended (set by the router: go to the sign-in page). */
export function whenUnauthorised(handler: () => void): void {
  onUnauthorised = handler;
}

/** For calls made without `request` (the to-dos' polling): the session has ended. */
export function signalUnauthorised(): void {
  onUnauthorised();
}

export function cookie(name: string): string | undefined {
  const prefix = `${name}=`;
  const found = document.cookie.split("; ").find((c) => c.startsWith(prefix));
  return found === undefined ? undefined : decodeURIComponent(found.slice(prefix.length));
}

interface ValidationItem {
  loc?: (string | number)[];
  msg?: string;
  type?: string;
  ctx?: Record<string, unknown>;
}

const DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1–99 in Chinese numerals, as articles are numbered (二十九, 十四, 七). */
function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? "" : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

/** The services cite the regulation as "Art. 28(4)" or "Art. 7, 31" (their messages are read by
 * integrators too); an official reads 第二十八条（四）, 第七条、第三十一条. */
export function citedInChinese(text: string): string {
  const citation = /\bArt\. (\d+)(?:\((\d+)\))?((?:, \d+)*)(: ?)?/g;
  return text.replace(citation, (_all, first: string, item?: string, more?: string, colon?: string) => {
    const articles = [first, ...(more ?? "").split(",").map((a) => a.trim()).filter(Boolean)];
    const cited = articles.map((a) => `第${chineseNumber(Number(a))}条`).join("、");
    return `${cited}${item ? `（${chineseNumber(Number(item))}）` : ""}${colon ? "：" : ""}`;
  });
}

/** Pydantic's common complaints in Chinese; the server's own reasons (value_error) as they are. */
function zhMessage(item: ValidationItem): string {
  const ctx = item.ctx ?? {};
  switch (item.type) {
    case "missing":
      return "必填";
    case "string_too_short":
      return ctx.min_length === 1 ? "不能为空" : `至少 ${String(ctx.min_length)} 个字符`;
    case "string_too_long":
      return `不能超过 ${String(ctx.max_length)} 个字符`;
    case "too_short":
      return `至少 ${String(ctx.min_length)} 项`;
    case "greater_than_equal":
      return `不能小于 ${String(ctx.ge)}`;
    case "less_than_equal":
      return `不能大于 ${String(ctx.le)}`;
    case "enum":
    case "literal_error":
      return "取值无效";
    case "int_parsing":
    case "int_type":
      return "须为整数";
    case "date_from_datetime_parsing":
    case "date_parsing":
    case "datetime_parsing":
      return "日期格式无效";
    default:
      return citedInChinese(item.msg?.replace(/^Value error, /, "") ?? "无效");
  }
}

/** FastAPI's 422 `detail[]`: `loc` is ["body", field, ...] or ["query", name]; the field is the
 * path after the location joined with dots (e.g. "factors.likelihood"). */
export function fieldErrors(detail: unknown): FieldError[] {
  if (!Array.isArray(detail)) return [];
  return (detail as ValidationItem[]).map((item) => {
    const loc = item.loc ?? [];
    const path = loc.length > 1 ? loc.slice(1) : loc;
    return { field: path.join("."), message: zhMessage(item) };
  });
}

function messageOf(status: number, body: unknown): string {
  if (body && typeof body === "object" && "detail" in body) {
    const detail = (body as { detail: unknown }).detail;
    if (typeof detail === "string") return citedInChinese(detail);
    const fields = fieldErrors(detail);
    if (fields.length) return fields.map((f) => `${f.field}：${f.message}`).join("；");
  }
  if (status === 403) return "无权进行此操作";
  if (status === 404) return "未找到";
  if (status >= 500) return `服务暂不可用（${status}），请稍后再试`;
  return `请求失败（${status}）`;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | null | undefined>;
  body?: unknown;
  /** Leave a 401 to the caller (the sign-in page itself) instead of going to sign-in. */
  allowUnauthorised?: boolean;
  signal?: AbortSignal;
  /** Told the listing's next-page cursor (`X-Next-Cursor`; null on the last page, docs/paging.md). */
  onNextCursor?: (cursor: string | null) => void;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, String(value));
  }
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (UNSAFE.has(method)) {
    const csrf = cookie("lianfang_csrf");
    if (csrf) headers["X-Lianfang-CSRF"] = csrf;
  }
  const response = await fetch(url, {
    method,
    headers,
    credentials: "same-origin",
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  const text = await response.text();
  let body: unknown = text;
  if (text && (response.headers.get("content-type") ?? "").includes("json")) {
    body = JSON.parse(text) as unknown;
  }
  if (!response.ok) {
    if (response.status === 401 && !options.allowUnauthorised) onUnauthorised();
    const detail = body && typeof body === "object" ? (body as { detail?: unknown }).detail : undefined;
    throw new ApiError(response.status, messageOf(response.status, body), body, fieldErrors(detail));
  }
  options.onNextCursor?.(response.headers.get("X-Next-Cursor"));
  return (response.status === 204 ? undefined : body) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>("GET", path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>("POST", path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>("PUT", path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>("PATCH", path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>("DELETE", path, options),
};
