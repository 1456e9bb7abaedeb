// The routes the 审计, 系统管理 and 区级驾驶舱 screens call through the console's proxy, typed by
// the generated OpenAPI types. A listing answers either a bare array or, once converted to cursor
// paging (PAGING.md), `{items, next_cursor}`: `listAll` walks either to the end.
import { ApiError, api, cookie, type RequestOptions } from "./client";
import type { components as Console } from "./console";
import type { components as Assessment } from "./assessment";
import type { components as Intake } from "./intake";
import type { components as Register } from "./register";
import type { components as Warning } from "./warning";

export type IntakeSummary = Intake["schemas"]["IntakeSummaryOut"];
export type RegisterSummary = Register["schemas"]["RegisterSummaryOut"];
export type WarningSummary = Warning["schemas"]["WarningSummaryOut"];
export type AssessmentSummary = Assessment["schemas"]["AssessmentSummaryOut"];
export type Forward = Intake["schemas"]["ForwardOut"];
export type Breach = Intake["schemas"]["BreachOut"];
export type CaseRow = Intake["schemas"]["CaseRow"];
export type WarningLine = Warning["schemas"]["WarningLine"];
export type OverdueLine = Warning["schemas"]["OverdueOut"];
export type InformationRow = Register["schemas"]["InformationRowOut"];
export type ChainStatus = Warning["schemas"]["ChainStatusOut"];
export type AuditQuery = Warning["schemas"]["AuditQueryRow"];
export type TimelineEntry = Assessment["schemas"]["EntryOut"];
export type EffectiveSettings = Warning["schemas"]["EffectiveSettingsOut"];
export type DeadlineRules = Warning["schemas"]["DeadlineRulesOut"];

export type RiskPointRow = Register["schemas"]["RiskPointRowOut"];
export type PowerRow = Register["schemas"]["PowerRowOut"];

export const SERVICES = ["intake", "register", "warning", "assessment"] as const;
/** The stores with a hash chain: the four services' and the console's (accounts, sessions). */
export const STORES = [...SERVICES, "console"] as const;
export type Service = (typeof SERVICES)[number];
export type Store = (typeof STORES)[number];

/** Every row of a listing, page after page (at most `maxPages` pages of up to 200). */
export async function listAll<T>(path: string, options: RequestOptions = {}, maxPages = 50): Promise<T[]> {
  // A listing answers a page and names the next in `X-Next-Cursor` (docs/paging.md): follow it.
  const rows: T[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < maxPages; n += 1) {
    const query: RequestOptions["query"] = { ...options.query, cursor: cursor ?? undefined };
    const page = await api.get<T[]>(path, { ...options, query, onNextCursor: (next) => (cursor = next) });
    rows.push(...page);
    if (!cursor) break;
  }
  return rows;
}

export const dashboard = {
  intake: (within?: string) => api.get<IntakeSummary>("/api/intake/dashboard", { query: { within } }),
  register: (within?: string) => api.get<RegisterSummary>("/api/register/dashboard", { query: { within } }),
  warning: (within?: string) => api.get<WarningSummary>("/api/warning/dashboard", { query: { within } }),
  assessment: (within?: string, year?: number) =>
    api.get<AssessmentSummary>("/api/assessment/dashboard", { query: { within, year } }),
};

export const lists = {
  information: (within?: string) =>
    listAll<InformationRow>("/api/register/information", { query: { within, status: "awaiting_judgement" } }),
  /** Every piece of information the register received (any status): the trend's 风险信息（入库）. */
  reported: (within?: string) => listAll<InformationRow>("/api/register/information", { query: { within } }),
  /** Every case filed in the subtree: the trend's 信息登记（本级）. */
  filed: (within?: string) => listAll<CaseRow>("/api/intake/inbox", { query: { unit: within } }),
  forwards: (within?: string) => listAll<Forward>("/api/intake/forwards", { query: { unit: within } }),
  breaches: (within?: string) => listAll<Breach>("/api/intake/breaches", { query: { unit: within } }),
  warnings: (within?: string, level?: string, includeClosed = false) =>
    listAll<WarningLine>("/api/warning/warnings", { query: { within, level, include_closed: includeClosed || undefined } }),
  overdue: (within?: string) => listAll<OverdueLine>("/api/warning/warnings/overdue", { query: { within } }),
};

/** The end of a Beijing day, or nothing for today (the register refuses a moment in the future). */
function asOf(day: string): string | undefined {
  const end = `${day}T23:59:59+08:00`;
  return new Date(end) < new Date() ? end : undefined;
}

export const audit = {
  /** The case's timeline across services and nodes (on the assessment service, which keeps the
   * timeline index once lane trust's change lands; every service answers it before). */
  timeline: (informationId: string) =>
    listAll<TimelineEntry>(`/api/assessment/audit/cases/${encodeURIComponent(informationId)}/timeline`),
  timelineDocumentUrl: (informationId: string) =>
    `/api/assessment/audit/cases/${encodeURIComponent(informationId)}/timeline.md`,
  rawEventUrl: (informationId: string, eventId: string) =>
    `/api/assessment/audit/cases/${encodeURIComponent(informationId)}/events/${encodeURIComponent(eventId)}`,
  chain: (store: Store) => api.get<ChainStatus>(`/api/${store}/audit/chain`),
  queries: (store: Store, limit = 200) => listAll<AuditQuery>(`/api/${store}/audit/queries`, { query: { limit } }),
  /** The register as it stood at the end of a Beijing day (历史状态, Art. 10, 30); today's as it
   * stands now (the register refuses a moment in the future). */
  registerAsOf: (day: string, within?: string) => {
    return listAll<RiskPointRow>("/api/register/risk-points", { query: { as_of: asOf(day), within } });
  },
  /** The power catalogue 职权目录 as it stood at the end of a Beijing day, each power with the
   * flowchart version then current (Art. 11, 30). */
  powersAsOf: (day: string, within?: string) =>
    listAll<PowerRow>("/api/register/powers", { query: { as_of: asOf(day), within } }),
};

export const nodeSettings = {
  effective: (service: Service) => api.get<EffectiveSettings>(`/api/${service}/settings/effective`),
  deadlineRules: () => api.get<DeadlineRules>("/api/warning/deadline-rules"),
};

export type AccountRow = Console["schemas"]["AccountRowOut"];
export type AccountPage = Console["schemas"]["AccountPage"];
export type Account = Console["schemas"]["AccountOut"];
export type Credential = Console["schemas"]["CredentialOut"];
export type AccountIn = Console["schemas"]["AccountIn"];
export type UnitImport = Register["schemas"]["ImportOut"];

/** One bad row of a CSV import: its line (header = 1), the column, and why. */
export interface RowProblem {
  row: number;
  field: string;
  msg: string;
}

/** The rows an import's 422 names (`detail[]` of {row, field, msg}), every one of them. */
export function rowProblems(error: unknown): RowProblem[] {
  if (!(error instanceof ApiError) || error.status !== 422) return [];
  const detail = (error.body as { detail?: unknown } | null)?.detail;
  if (!Array.isArray(detail)) return [];
  return (detail as { row?: number; field?: string; msg?: string; loc?: unknown[] }[]).map((d) => ({
    row: d.row ?? Number(d.loc?.[1] ?? 0),
    field: d.field ?? String(d.loc?.[2] ?? ""),
    msg: d.msg ?? "",
  }));
}

/** POST a CSV file's text as it is (Content-Type text/csv), with the CSRF header. */
async function postCsv<T>(path: string, text: string, query: Record<string, string> = {}): Promise<T> {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const headers: Record<string, string> = { Accept: "application/json", "Content-Type": "text/csv" };
  const csrf = cookie("lianfang_csrf");
  if (csrf) headers["X-Lianfang-CSRF"] = csrf;
  const response = await fetch(url, { method: "POST", headers, body: text, credentials: "same-origin" });
  const body = (response.headers.get("content-type") ?? "").includes("json") ? ((await response.json()) as unknown) : await response.text();
  if (!response.ok) {
    const detail = body && typeof body === "object" ? (body as { detail?: unknown }).detail : undefined;
    const message = typeof detail === "string" ? detail : `导入未完成（${response.status}）`;
    throw new ApiError(response.status, message, body);
  }
  return body as T;
}

const consoleBase = "/api/console";
export const accounts = {
  list: (query: { within?: string; unit_code?: string; role?: string; status?: string; offset: number; limit: number }) =>
    api.get<AccountPage>(`${consoleBase}/accounts`, { query }),
  get: (userId: string) => api.get<Account>(`${consoleBase}/accounts/${encodeURIComponent(userId)}`),
  open: (body: AccountIn) => api.post<Account>(`${consoleBase}/accounts`, body),
  grant: (userId: string, body: { role: string; unit_code?: string | null; authority: string }) =>
    api.post<Account>(`${consoleBase}/accounts/${encodeURIComponent(userId)}/grants`, body),
  revoke: (userId: string, body: { role: string; unit_code: string; reason: string; authority: string }) =>
    api.post<Account>(`${consoleBase}/accounts/${encodeURIComponent(userId)}/revocations`, body),
  suspend: (userId: string, body: { reason: string; authority: string }) =>
    api.post<Account>(`${consoleBase}/accounts/${encodeURIComponent(userId)}/suspension`, body),
  reactivate: (userId: string, body: { reason: string; authority: string }) =>
    api.post<Account>(`${consoleBase}/accounts/${encodeURIComponent(userId)}/reactivation`, body),
  credential: (userId: string) => api.get<Credential>(`${consoleBase}/credentials/${encodeURIComponent(userId)}`),
  unlock: (userId: string, reason: string) =>
    api.post<void>(`${consoleBase}/credentials/${encodeURIComponent(userId)}/unlock`, { reason }),
  importCsv: (text: string, authority: string) =>
    postCsv<{ opened: string[] }>(`${consoleBase}/accounts/import`, text, { authority }),
};

export const units = {
  importCsv: (text: string) => postCsv<UnitImport>("/api/register/units/import", text),
};
