import type { RouteRecordRaw } from "vue-router";

// 信息收集 (Art. 19–24): filing on the five channels, cases, forwards, duties, breaches, the custodian's reveal.
export const intakeRoutes: RouteRecordRaw[] = [
  { path: "intake", name: "intake", component: () => import("@/views/intake/CasesView.vue"), meta: { title: "信息收集 · 信息列表" } },
  { path: "intake/new", name: "intake-new", component: () => import("@/views/intake/FileInformationView.vue"), meta: { title: "信息收集 · 报送信息" } },
  { path: "intake/cases/:id", name: "intake-case", component: () => import("@/views/intake/CaseView.vue"), meta: { title: "信息详情" } },
  { path: "intake/officers", name: "intake-officers", component: () => import("@/views/intake/OfficersView.vue"), meta: { title: "信息收集 · 信息员名册" } },
  { path: "intake/duties", name: "intake-duties", component: () => import("@/views/intake/DutiesView.vue"), meta: { title: "信息收集 · 报告义务与违规" } },
];
