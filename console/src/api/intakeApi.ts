// The intake service's routes as the console calls them (through /api/intake/...), typed by the
// generated OpenAPI types (intake.d.ts). Art. 19–24.
import { api, type RequestOptions } from "./client";
import type { components } from "./intake";

type Schemas = components["schemas"];
export type InformationIn = Schemas["InformationIn"];
export type Filing = Schemas["FilingOut"];
export type Information = Schemas["InformationOut"];
export type CaseRow = Schemas["CaseRow"];
export type TimelineEntry = Schemas["TimelineOut"];
export type Identity = Schemas["IdentityOut"];
export type Reveal = Schemas["RevealOut"];
export type CaseRead = Schemas["CaseReadOut"];
export type Forward = Schemas["ForwardOut"];
export type ReceivedForward = Schemas["ReceivedForwardOut"];
export type Duty = Schemas["DutyOut"];
export type Breach = Schemas["BreachOut"];
export type Compliance = Schemas["ComplianceOut"];
export type DisciplineTransfer = Schemas["DisciplineTransferOut"];
export type Officer = Schemas["OfficerOut"];
export type AppointIn = Schemas["AppointIn"];
export type PeriodIn = Schemas["PeriodIn"];
export type DutyIn = Schemas["DutyIn"];
export type InboxStatus = "accepted" | "forwarded" | "awaiting" | "transferred" | "received";

/** One page of a listing (docs/paging.md): how many, after which cursor, told the next one. */
type Paging = Pick<RequestOptions, "onNextCursor"> & { limit: number; cursor?: string };
const pageOf = (path: string, query: RequestOptions["query"], page: Paging) =>
  api.get(path, { query: { ...query, limit: page.limit, cursor: page.cursor }, onNextCursor: page.onNextCursor });

const base = "/api/intake";

export const intake = {
  // A resubmission of the same channel and source reference answers with the first case (幂等).
  file: (body: InformationIn) => api.post<Filing>(`${base}/information`, body),
  inbox: (unit?: string) => api.get<CaseRow[]>(`${base}/inbox`, { query: { unit } }),
  /** A page of the 信息列表, newest first, filtered on the server (Art. 22–24). */
  inboxPage: (filter: { status?: InboxStatus; channel?: string }, page: Paging) =>
    pageOf(`${base}/inbox`, { ...filter, newest_first: true }, page) as Promise<CaseRow[]>,
  information: (id: string) => api.get<Information>(`${base}/information/${id}`),
  timeline: (id: string) => api.get<TimelineEntry[]>(`${base}/information/${id}/timeline`),
  // The office's questions to the citizen of a public report, and the answers (Art. 21, 22).
  citizen: (id: string) => api.get<Schemas["ThreadOut"]>(`${base}/information/${id}/citizen`),
  askCitizen: (id: string, text: string) =>
    api.post<Schemas["ThreadOut"]>(`${base}/information/${id}/citizen/questions`, { text }),
  transferToDiscipline: (id: string, reason: string) =>
    api.post<DisciplineTransfer>(`${base}/information/${id}/transfer-to-discipline`, { reason }),
  reveal: (id: string, reason: string) => api.post<Identity>(`${base}/information/${id}/identity/reveal`, { reason }),
  reveals: (id: string) => api.get<Reveal[]>(`${base}/information/${id}/identity/reveals`),
  reads: (id: string) => api.get<CaseRead[]>(`${base}/information/${id}/reads`),
  forwards: (unit?: string) => api.get<Forward[]>(`${base}/forwards`, { query: { unit } }),
  received: (unit?: string) => api.get<ReceivedForward[]>(`${base}/forwards/received`, { query: { unit } }),
  chase: (id: string, note: string) => api.post<Forward>(`${base}/forwards/${id}/chase`, { note }),
  returnReport: (id: string, reason: string) => api.post<Forward>(`${base}/forwards/${id}/return`, { reason }),
  signOff: (id: string, opinion: string) => api.post<Forward>(`${base}/forwards/${id}/sign-off`, { opinion }),
  reportHandling: (id: string, body: Schemas["HandlingReportIn"]) =>
    api.post<ReceivedForward>(`${base}/information/${id}/handling-report`, body),
  duties: (unit?: string) => api.get<Duty[]>(`${base}/duties`, { query: { unit } }),
  dutiesPage: (page: Paging) => pageOf(`${base}/duties`, {}, page) as Promise<Duty[]>,
  /** Set a unit's reporting duty 报告义务 (Art. 23); the office of a unit above it. */
  defineDuty: (body: DutyIn) => api.post<Duty>(`${base}/duties`, body),
  breaches: (unit?: string) => api.get<Breach[]>(`${base}/breaches`, { query: { unit } }),
  breachesPage: (page: Paging) => pageOf(`${base}/breaches`, {}, page) as Promise<Breach[]>,
  /** The roster of 信息员 covering units of the caller's subtree (Art. 22). */
  officersPage: (page: Paging) => pageOf(`${base}/officers`, {}, page) as Promise<Officer[]>,
  appoint: (body: AppointIn) => api.post<Officer>(`${base}/officers`, body),
  reappoint: (userId: string, body: PeriodIn) =>
    api.post<Officer>(`${base}/officers/${encodeURIComponent(userId)}/periods`, body),
  relieve: (userId: string, at: string, reason: string) =>
    api.post<Officer>(`${base}/officers/${encodeURIComponent(userId)}/relief`, { at, reason }),
  reviewBreach: (id: string, confirmed: boolean, reason: string) =>
    api.post<Breach>(`${base}/breaches/${id}/review`, { confirmed, reason }),
  complianceByUnit: (period: string, unit?: string) =>
    api.get<Compliance[]>(`${base}/compliance/units`, { query: { period, unit } }),
};

// The regulation's words for intake's codes.
export const CHANNEL: Record<string, string> = {
  online_media: "网络媒体",
  petition: "信访举报",
  inspection: "监督检查",
  data_sharing: "资源共享",
  officer_report: "信息员报告",
};

export const ROUTING: Record<string, string> = {
  accepted: "本级直接处理",
  forwarded: "批转下级",
  transferred: "移送",
};

export const HANDLING_STATE: Record<string, string> = {
  to_report: "待反馈处理情况",
  reported: "待上级审核",
  returned: "退回重办",
  signed_off: "已办结",
};

export const FORWARD_STATE: Record<string, string> = {
  awaiting: "待接收",
  delivered: "已送达，待反馈",
  returned: "已退回重办",
  reminded: "已提醒",
  overdue: "逾期未反馈",
  reported: "已反馈，待审核",
  signed_off: "已办结",
};

export const BREACH_KIND: Record<string, string> = {
  late: "迟报",
  missed: "漏报",
  concealment_candidate: "瞒报嫌疑",
  untrue: "报送不实",
  inaccurate: "核心内容不准确",
};

export const BREACH_STATUS: Record<string, string> = {
  recorded: "已记录",
  to_review: "待复核",
  confirmed: "已认定",
  dismissed: "已排除",
};

export const TIMELINE: Record<string, string> = {
  filed: "报送登记",
  accepted: "分流：本级直接处理",
  forwarded: "分流：批转下级",
  transferred: "分流：移送",
  transferred_to_discipline: "移送纪检监察机关",
  feedback_reminded: "提醒反馈",
  feedback_overdue: "逾期未反馈",
  recorded_overdue_by_level_above: "上级记录逾期未反馈",
  chased: "催办",
  handling_reported: "下级反馈处理情况",
  handling_report_sent: "向上级反馈处理情况",
  handling_returned: "退回重办",
  signed_off: "办结",
  judged: "研判小组已研判（第二十五条）",
  acknowledged: "下级已接收",
  acknowledgement_sent: "已向上级回执",
  breach: "报送违规",
};

export const NODE: Record<string, string> = {
  district: "清新区",
  "town-taihe": "太和镇",
  discipline_inspection: "纪检监察机关",
};

export type FileableUnit = Schemas["FileableUnitOut"];
export const filingUnits = () => api.get<FileableUnit[]>(`${base}/filing/units`);
