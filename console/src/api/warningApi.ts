// The warning service's routes as the console calls them (through /api/warning/...), typed by the
// generated OpenAPI types (warning.d.ts). 预警处置 (Art. 26–29).
import { api, type RequestOptions } from "./client";
import type { components } from "./warning";

type Schemas = components["schemas"];
export type ProposalRow = Schemas["ProposalOut"];
export type ProposalDetail = Schemas["ProposalDetailOut"];
export type ReviewIn = Schemas["ReviewIn"];
export type IssueIn = Schemas["IssueIn"];
export type TransferIn = Schemas["TransferIn"];
export type ReportIn = Schemas["ReportIn"];
export type VerifyIn = Schemas["VerifyIn"];
export type WarningLine = Schemas["WarningLine"];
export type WarningOut = Schemas["WarningOut"];
export type ActionOut = Schemas["ActionOut"];
export type OverdueRow = Schemas["OverdueOut"];
export type TimelineEntry = Schemas["EntryOut"];
export type Supervision = Schemas["SupervisionOut"];
export type SupervisionState = Schemas["SupervisionOut"]["state"];

/** Where the level above stands on a disposal 分级监督 (Art. 29), as the lists name it. */
export const SUPERVISION_STATE: Record<SupervisionState, string> = {
  watching: "监督中",
  returned: "退回重办",
  resubmitted: "已重报",
  signed_off: "已办结",
};

/** One page of a listing (docs/paging.md): how many, after which cursor, told the next one. */
type Paging = Pick<RequestOptions, "onNextCursor"> & { limit: number; cursor?: string };

/** The warning service of the person's own node, or — to supervise 分级监督 (Art. 29) — that of
 * the node below whose root is `node` (the console passes it on: /api/supervised/{root}/warning). */
export function warningsAt(node?: string) {
  return service(node ? `/api/supervised/${encodeURIComponent(node)}/warning` : "/api/warning");
}

const service = (base: string) => ({
  proposals: (status?: string) => api.get<ProposalRow[]>(`${base}/proposals`, { query: { status } }),
  proposal: (id: string) => api.get<ProposalDetail>(`${base}/proposals/${id}`),
  review: (id: string, body: ReviewIn) => api.post<{ meeting_id: string; status: string }>(`${base}/proposals/${id}/review`, body),
  issue: (id: string, body: IssueIn) => api.post<WarningOut>(`${base}/proposals/${id}/warning`, body),
  transfer: (id: string, body: TransferIn) => api.post<ProposalRow>(`${base}/proposals/${id}/transfer`, body),
  list: (query: { level?: string; include_closed?: boolean; within?: string }) => api.get<WarningLine[]>(`${base}/warnings`, { query }),
  listPage: (query: { level?: string; include_closed?: boolean; within?: string }, page: Paging) =>
    api.get<WarningLine[]>(`${base}/warnings`, { query: { ...query, limit: page.limit, cursor: page.cursor }, onNextCursor: page.onNextCursor }),
  overdue: () => api.get<OverdueRow[]>(`${base}/warnings/overdue`),
  get: (id: string) => api.get<WarningOut>(`${base}/warnings/${id}`),
  timeline: (id: string) => api.get<TimelineEntry[]>(`${base}/warnings/${id}/timeline`),
  supervision: (id: string) => api.get<Supervision>(`${base}/warnings/${id}/supervision`),
  /** The level above the disposing body chases 督办, returns 退回 or signs off 办结 (Art. 29). */
  supervise: (id: string, act: "chased" | "returned" | "signed_off", text: string) =>
    api.post<Supervision>(`${base}/warnings/${id}/supervision`, { act, text }),
  /** The disposing body reports its rework 重报 of a returned disposal (Art. 29). */
  rework: (id: string, note: string, documentRefs: string[]) =>
    api.post<Supervision>(`${base}/warnings/${id}/supervision/rework`, { note, document_refs: documentRefs }),
  report: (id: string, actionId: string, body: ReportIn) =>
    api.post<WarningOut>(`${base}/warnings/${id}/actions/${actionId}/reports`, body),
  verify: (id: string, actionId: string, body: VerifyIn) =>
    api.post<WarningOut>(`${base}/warnings/${id}/actions/${actionId}/verification`, body),
  /** The notice 预警通知书 as the service renders it (HTML, every value escaped by the server). */
  noticeHtml: (id: string) => api.get<string>(`${base}/warnings/${id}/notice.html`),
  noticePdfUrl: (id: string) => `${base}/warnings/${id}/notice.pdf`,
});

export const warnings = warningsAt();
