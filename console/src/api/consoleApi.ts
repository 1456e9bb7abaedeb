// The console service's own routes (through /api/console/...), typed by console.d.ts.
import { api } from "./client";
import type { components } from "./console";

type Schemas = components["schemas"];
export type TodoItem = Schemas["TodoItem"];
export type Todos = Schemas["TodosOut"];
export type PersonName = Schemas["PersonName"];
export type UnitName = Schemas["UnitName"];
export type ReportedStep = Schemas["ReportedStep"];
export type InboxPage = Schemas["InboxOut"];

const base = "/api/console";

export const directory = {
  /** Names and units of up to 50 staff ids (unknown ids are left out). */
  people: (ids: string[]) => api.get<PersonName[]>(`${base}/people`, { query: { ids: ids.join(",") } }),
  /** Names of up to 50 unit codes, any unit of the tree (unknown codes are left out). */
  unitNames: (codes: string[]) => api.get<UnitName[]>(`${base}/unit-names`, { query: { codes: codes.join(",") } }),
};

export const inbox = {
  /** One page of the disposal steps reported to a unit 条块结合 (Art. 27), from every node that
   * reports to it, the newest first; `before`: the previous page's `next_before`. */
  page: (query: { unit_code?: string; before?: string; limit: number }) => api.get<InboxPage>(`${base}/inbox`, { query }),
};

export const TODOS_URL = `${base}/todos`;
