import type { RouteRecordRaw } from "vue-router";

// 预警处置 (Art. 26–29): review meetings, the warnings board, actions and their documents, 预警通知书.
export const warningsRoutes: RouteRecordRaw[] = [
  { path: "warnings", redirect: "/warnings/board" },
  { path: "warnings/proposals", name: "warning-proposals", component: () => import("@/views/warnings/ProposalsView.vue"), meta: { title: "预警处置 · 处置建议" } },
  { path: "warnings/board", name: "warning-board", component: () => import("@/views/warnings/BoardView.vue"), meta: { title: "预警处置 · 预警台账" } },
  { path: "warnings/overdue", name: "warning-overdue", component: () => import("@/views/warnings/OverdueView.vue"), meta: { title: "预警处置 · 逾期未整改" } },
  { path: "warnings/supervised", name: "warning-supervised", component: () => import("@/views/warnings/SupervisedView.vue"), meta: { title: "预警处置 · 下级处置监督" } },
  { path: "warnings/inbox", name: "warning-inbox", component: () => import("@/views/warnings/InboxView.vue"), meta: { title: "预警处置 · 条块结合" } },
  { path: "warnings/:id", name: "warning", component: () => import("@/views/warnings/WarningView.vue"), meta: { title: "预警详情" } },
];
