import type { RouteRecordRaw } from "vue-router";

// 研判 (Art. 25): verification and judgement by the judgement group.
export const judgementRoutes: RouteRecordRaw[] = [
  { path: "judgement", name: "judgement", component: () => import("@/views/JudgementView.vue"), meta: { title: "研判" } },
  { path: "judgement/:id", name: "judgement-case", component: () => import("@/views/judgement/JudgementCaseView.vue"), meta: { title: "核实与研判" } },
];
