import type { RouteRecordRaw } from "vue-router";

// 审计: case timelines across services and nodes, hash-chain status, auditors' own queries, the register as of a day.
export const auditRoutes: RouteRecordRaw[] = [
  { path: "audit", name: "audit", component: () => import("@/views/audit/AuditView.vue"), meta: { title: "审计" } },
];
