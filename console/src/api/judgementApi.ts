// The register's judgement routes (信息库与研判, Art. 21, 23, 25) as the console calls them.
import { api } from "./client";
import type { components } from "./register";

type Schemas = components["schemas"];
export type ReportedInformation = Schemas["ReportedInformationOut"];
export type JudgementIn = Schemas["JudgementIn"];
export type VerificationIn = Schemas["services__register__judgement__api__VerificationIn"];
export type Progress = Schemas["JudgementProgressOut"];
export type Group = Schemas["GroupOut"];

const base = "/api/register";

export const judgement = {
  information: (id: string) => api.get<ReportedInformation>(`${base}/information/${id}`),
  verify: (id: string, body: VerificationIn) => api.post<{ number: number }>(`${base}/information/${id}/verification`, body),
  propose: (id: string, body: JudgementIn) => api.post<Progress>(`${base}/information/${id}/judgement`, body),
  signOff: (id: string) => api.post<Progress>(`${base}/information/${id}/judgement/sign-off`),
  withdraw: (id: string, reason: string) => api.post<ReportedInformation>(`${base}/information/${id}/judgement/withdrawal`, { reason }),
  group: (unit: string) => api.get<Group>(`${base}/units/${unit}/judgement-group`),
};

export const VERDICT: Record<string, string> = {
  unfounded: "不属实",
  incipient_tendency: "苗头性、倾向性问题",
  violation: "已构成违纪违法",
};

export const LEVEL: Record<string, string> = { yellow: "黄色预警", orange: "橙色预警", red: "红色预警" };
