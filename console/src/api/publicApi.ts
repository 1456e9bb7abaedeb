// The public pages' calls (网上举报, 社会评议问卷; docs/public-pages.md): no session, no cookie,
// no CSRF header. The console passes each on as its own public principal; codes travel in
// bodies, never in URLs, so no log of a URL holds one.
import { ApiError, fieldErrors } from "./client";
import type { components as Intake } from "./intake";
import type { components as Assessment } from "./assessment";

export type PublicReportIn = Intake["schemas"]["PublicReportIn"];
export type PublicStatus = Intake["schemas"]["PublicStatusOut"];
export type PublicUnit = Intake["schemas"]["PublicUnitOut"];
export type Questionnaire = Assessment["schemas"]["PublicQuestionnaireOut"];

const base = "/api/public";

/** Retry-After in words: seconds up to two minutes, then minutes (rounded up). */
function wait(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return "稍";
  return seconds < 120 ? ` ${seconds} 秒` : `约 ${Math.ceil(seconds / 60)} 分钟`;
}

async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}/${path}`, {
    method,
    credentials: "omit",
    referrerPolicy: "no-referrer",
    headers: body === undefined ? { Accept: "application/json" } : { Accept: "application/json", "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed: unknown = text && (response.headers.get("content-type") ?? "").includes("json") ? JSON.parse(text) : text;
  if (!response.ok) {
    const detail = parsed && typeof parsed === "object" ? (parsed as { detail?: unknown }).detail : undefined;
    const fields = fieldErrors(detail);
    let message = typeof detail === "string" ? detail : fields.map((f) => `${f.field}：${f.message}`).join("；");
    if (response.status === 429) message = `提交过于频繁，请${wait(Number(response.headers.get("Retry-After")))}后再试`;
    if (!message) message = response.status >= 500 ? "服务暂不可用，请稍后再试" : `请求失败（${response.status}）`;
    throw new ApiError(response.status, message, parsed, fields);
  }
  return parsed as T;
}

export const publicApi = {
  units: () => call<PublicUnit[]>("GET", "units"),
  file: (body: PublicReportIn) => call<{ receipt_code: string }>("POST", "reports", body),
  status: (receipt_code: string) => call<PublicStatus>("POST", "reports/status", { receipt_code }),
  answer: (receipt_code: string, question_id: number, text: string) =>
    call<PublicStatus>("POST", "reports/answers", { receipt_code, question_id, text }),
  questionnaire: (round: string, code: string) => call<Questionnaire>("POST", `surveys/${round}/questionnaire`, { code }),
  respond: (round: string, code: string, answers: Record<string, number>) =>
    call<{ response_id: string }>("POST", `surveys/${round}/responses`, { code, answers }),
};
