// The console service's own routes (through /api/console/...), typed by console.d.ts.
import { api } from "./client";
import type { components } from "./console";

type Schemas = components["schemas"];
export type TodoItem = Schemas["TodoItem"];
export type Todos = Schemas["TodosOut"];
export type PersonName = Schemas["PersonName"];
export type UnitName = Schemas["UnitName"];

const base = "/api/console";

export const directory = {
  /** Names and units of up to 50 staff ids (unknown ids are left out). */
  people: (ids: string[]) => api.get<PersonName[]>(`${base}/people`, { query: { ids: ids.join(",") } }),
  /** Names of up to 50 unit codes, any unit of the tree (unknown codes are left out). */
  unitNames: (codes: string[]) => api.get<UnitName[]>(`${base}/unit-names`, { query: { codes: codes.join(",") } }),
};

export const TODOS_URL = `${base}/todos`;
