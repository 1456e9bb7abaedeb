// The register service's routes as the console calls them (through /api/register/...), typed by
// the generated OpenAPI types (register.d.ts).
import { api } from "./client";
import type { components } from "./register";

type Schemas = components["schemas"];
export type Unit = Schemas["UnitOut"];
export type PowerRow = Schemas["PowerRowOut"];
export type Power = Schemas["PowerOut"];
export type RiskPointRow = Schemas["RiskPointRowOut"];
export type RiskPoint = Schemas["RiskPointOut"];
export type RiskPointPage = Schemas["RiskPointPageOut"];
export type FocusFlag = NonNullable<Schemas["RiskPointRowOut"]["focus_flags"]>[number];
export type HeatCell = Schemas["HeatCellOut"];
export type Category = Schemas["RiskCategory"];
export type Grade = Schemas["Grade"];
export type Status = Schemas["RiskStatus"];
export type GradingFactors = Schemas["GradingFactors"];

/** The parts of a point's page the server sends as plain dicts (RiskPoint's dataclasses). */
export interface Actor {
  user_id: string;
  role?: string;
  [key: string]: unknown;
}
export interface GradingEntry {
  factors: Record<string, number>;
  grade: Grade;
  previous_grade: Grade | null;
  source: string;
  reason: string;
  responsible_leader_id: string;
  graded_by: Actor;
  graded_at: string;
}
export interface VoteEntry {
  member_id: string;
  in_favour: boolean;
  comment: string;
  cast_at: string;
}
export interface ObjectionEntry {
  number: number;
  raised_by: string;
  text: string;
  recorded_by: string;
  recorded_at: string;
  answer: string | null;
  answered_by: string | null;
}
export interface Publication {
  starts_at: string;
  ends_at: string;
  objections: ObjectionEntry[];
}
export interface MeasureEntry {
  measure_code: string;
  detail: string;
  owner_id: string;
  due_date: string;
  status: string;
  category: string;
  note: string;
  reported_by: string | null;
  verified_by: string | null;
}

const base = "/api/register";

export interface PointFilter {
  within?: string;
  category?: Category | "";
  grade?: Grade | "";
  status?: Status | "";
}

export const register = {
  units: (within?: string) => api.get<Unit[]>(`${base}/units`, { query: { within } }),
  powers: (within?: string) => api.get<PowerRow[]>(`${base}/powers`, { query: { within } }),
  power: (id: string) => api.get<Power>(`${base}/powers/${id}`),
  flowchartSvgUrl: (id: string, version?: number) =>
    `${base}/powers/${id}/flowchart.svg${version ? `?version=${version}` : ""}`,
  flowchartSvg: (id: string, version?: number) =>
    api.get<string>(`${base}/powers/${id}/flowchart.svg`, { query: { version } }),
  riskPoints: (filter: PointFilter) => api.get<RiskPointRow[]>(`${base}/risk-points`, { query: { ...filter } }),
  /** One page of the register (server-side paging), filtered by unit and focus flags too. */
  riskPointPage: (filter: PointFilter & { unit_code?: string; focus?: FocusFlag[]; limit: number; offset: number }) => {
    const { focus, ...rest } = filter;
    const flags = new URLSearchParams((focus ?? []).map((f) => ["focus", f]));
    return api.get<RiskPointPage>(`${base}/risk-points/page${flags.size ? `?${flags.toString()}` : ""}`, { query: { ...rest } });
  },
  riskPoint: (id: string) => api.get<RiskPoint>(`${base}/risk-points/${id}`),
  heatMap: (within?: string, status?: Status) =>
    api.get<HeatCell[]>(`${base}/register/heat-map`, { query: { within, status } }),
};

export type InformationRow = components["schemas"]["InformationRowOut"];
export type MeasureDeadline = components["schemas"]["MeasureDeadlineOut"];

export const registerWork = {
  information: (status?: "awaiting_judgement" | "judged") =>
    api.get<InformationRow[]>(`${base}/information`, { query: { status } }),
  /** The catalogue of prevention measures (Art. 15–20): code -> its title. */
  measureCatalogue: () => api.get<{ code: string; title_zh: string; category: string }[]>(`${base}/measures`),
  measureDeadlines: () => api.get<MeasureDeadline[]>(`${base}/measure-deadlines`),
};

export interface GradingRule {
  rule: {
    weights: Record<string, number>;
    high_from: string;
    medium_from: string;
    high_when_probability_times_harm_from: number | null;
  };
  factor_meanings: Record<string, unknown>;
  quorum: { share: string; strictly_more: boolean };
  publication_days: number;
}

export const registerActions = {
  gradingRule: () => api.get<GradingRule>(`${base}/grading/rule`),
  identify: (body: components["schemas"]["RiskPointIn"]) => api.post<{ id: string }>(`${base}/risk-points`, body),
  grade: (id: string, body: components["schemas"]["GradingIn"]) => api.post<unknown>(`${base}/risk-points/${id}/grading`, body),
  vote: (id: string, body: components["schemas"]["VoteIn"]) =>
    api.post<components["schemas"]["VoteOut"]>(`${base}/risk-points/${id}/votes`, body),
  publish: (id: string, days?: number) => api.post<{ ends_at: string }>(`${base}/risk-points/${id}/publication`, { days: days ?? null }),
  answer: (id: string, number: number, answer: string) =>
    api.post<unknown>(`${base}/risk-points/${id}/objections/${number}/answer`, { answer }),
  /** 生效 (Art. 10): after the publication period, every objection answered, the grade's measures chosen. */
  bringIntoForce: (id: string) => api.post<unknown>(`${base}/risk-points/${id}/in-force`, {}),
  /** 绘制权力运行流程图 (Art. 11): a new version from its ordered steps; the register draws the SVG. */
  drawFlowchart: (id: string, body: components["schemas"]["FlowchartIn"]) =>
    api.post<components["schemas"]["FlowchartOut"]>(`${base}/powers/${id}/flowcharts`, body),
  /** 制定防控措施 (Art. 15–20). */
  chooseMeasure: (id: string, body: components["schemas"]["MeasureIn"]) => api.post<unknown>(`${base}/risk-points/${id}/measures`, body),
  /** 落实情况 (Art. 15): planned · in_progress · done (then verified by another) · withdrawn. */
  updateMeasure: (id: string, code: string, body: components["schemas"]["MeasureUpdateIn"]) =>
    api.patch<unknown>(`${base}/risk-points/${id}/measures/${code}`, body),
};

/** The grade the server's rule gives these factors (the same arithmetic as GradingRule.grade in
 * services/register/risk_points/rules.py), to preview it while the factors change. */
export function previewGrade(rule: GradingRule["rule"], factors: Record<string, number>): { grade: Grade; score: number } {
  const weights = rule.weights;
  const names = Object.keys(weights);
  const total = names.reduce((sum, n) => sum + (weights[n] ?? 0), 0);
  const score = names.reduce((sum, n) => sum + (weights[n] ?? 0) * (factors[n] ?? 0), 0) / total;
  const escalation = rule.high_when_probability_times_harm_from;
  if (escalation !== null && (factors.probability ?? 0) * (factors.harm ?? 0) >= escalation) return { grade: "high", score };
  // The server compares exact fractions; a float mean may land a hair below a threshold it meets.
  if (score + 1e-9 >= Number(rule.high_from)) return { grade: "high", score };
  if (score + 1e-9 >= Number(rule.medium_from)) return { grade: "medium", score };
  return { grade: "low", score };
}
