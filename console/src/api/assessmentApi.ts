// The assessment service's routes as the console calls them (through /api/assessment/...), typed by
// the generated OpenAPI types (assessment.d.ts). 考核评估 (Art. 8, 30, 31).
import { api } from "./client";
import type { components } from "./assessment";

type Schemas = components["schemas"];
export type Assessment = Schemas["AssessmentOut"];
export type Card = Schemas["CardOut"];
export type CardItem = Schemas["ItemOut"];
export type Evidence = Schemas["EvidenceOut"];
export type Rank = Schemas["RankOut"];
export type Inspection = Schemas["InspectionOut"];
export type InspectionIn = Schemas["InspectionIn"];
export type FindingIn = Schemas["FindingIn"];
export type Survey = Schemas["SurveyOut"];
export type SurveyIn = Schemas["SurveyIn"];
export type Recognition = Schemas["RecognitionOut"];
export type RecognitionIn = Schemas["RecognitionIn"];

const base = "/api/assessment";

export const assessment = {
  ranking: (year: number) => api.get<Rank[]>(`${base}/assessments/ranking`, { query: { year } }),
  get: (unit: string, year: number) => api.get<Assessment>(`${base}/assessments/${unit}/${year}`),
  preview: (unit: string, year: number) => api.get<Card>(`${base}/assessments/${unit}/${year}/preview`),
  score: (unit: string, year: number) => api.post<Assessment>(`${base}/assessments/${unit}/${year}/score`, {}),
  publish: (unit: string, year: number) => api.post<Assessment>(`${base}/assessments/${unit}/${year}/publish`, {}),
  csvUrl: (year: number) => `${base}/scorecards.csv?year=${year}`,
  xlsxUrl: (year: number) => `${base}/scorecards.xlsx?year=${year}`,
  reportUrl: (unit: string, year: number) => `${base}/assessments/${unit}/${year}/report.html`,
  inspections: (year: number) => api.get<Inspection[]>(`${base}/inspections/subtree`, { query: { year } }),
  openInspection: (body: InspectionIn) => api.post<Inspection>(`${base}/inspections`, body),
  taskAnnual: (body: { within: string; year: number; due_on: string | null }) =>
    api.post<Inspection[]>(`${base}/inspections/annual-self-inspections`, body),
  addFinding: (id: string, body: FindingIn) => api.post<Inspection>(`${base}/inspections/${id}/findings`, body),
  closeFinding: (id: string, findingId: string, rectification: string) =>
    api.post<Inspection>(`${base}/inspections/${id}/findings/${findingId}/close`, { rectification }),
  complete: (id: string, summary: string) => api.post<Inspection>(`${base}/inspections/${id}/complete`, { summary }),
  surveys: (year: number) => api.get<Survey[]>(`${base}/surveys/subtree`, { query: { year } }),
  openSurvey: (body: SurveyIn) => api.post<Survey>(`${base}/surveys`, body),
  closeSurvey: (id: string) => api.post<Survey>(`${base}/surveys/${id}/close`, {}),
  // One-time codes 评议码 for the public questionnaire: shown once, to print as QR codes.
  issueCodes: (id: string, count: number) => api.post<Schemas["CodesOut"]>(`${base}/surveys/${id}/codes`, { count }),
  survey: (id: string) => api.get<Survey>(`${base}/surveys/${id}`),
  /** One paper questionnaire 纸质评议表 entered by the office: the sheet's code (stored only as a
   * keyed hash; a code answers a round once) and 1–5 per question (Art. 30(5)). */
  respond: (id: string, respondentToken: string, answers: Record<string, number>) =>
    api.post<{ response_id: string }>(`${base}/surveys/${id}/responses`, { respondent_token: respondentToken, answers }),
  recognitions: (year: number) => api.get<Recognition[]>(`${base}/recognitions/subtree`, { query: { year } }),
  recognise: (body: RecognitionIn) => api.post<Recognition>(`${base}/recognitions`, body),
};
