import type { RouteRecordRaw } from "vue-router";

// 考核评估 (Art. 8, 30, 31): inspections, self-inspection, surveys, scorecards, ranking, exports.
export const assessmentRoutes: RouteRecordRaw[] = [
  { path: "assessment", redirect: "/assessment/ranking" },
  { path: "assessment/ranking", name: "assessment-ranking", component: () => import("@/views/assessment/RankingView.vue"), meta: { title: "考核评估 · 考核排名" } },
  { path: "assessment/inspections", name: "assessment-inspections", component: () => import("@/views/assessment/InspectionsView.vue"), meta: { title: "考核评估 · 检查与发现" } },
  { path: "assessment/self-inspections", name: "assessment-self", component: () => import("@/views/assessment/SelfInspectionsView.vue"), meta: { title: "考核评估 · 年度自查" } },
  { path: "assessment/surveys", name: "assessment-surveys", component: () => import("@/views/assessment/SurveysView.vue"), meta: { title: "考核评估 · 社会评议" } },
  { path: "assessment/recognitions", name: "assessment-recognitions", component: () => import("@/views/assessment/RecognitionsView.vue"), meta: { title: "考核评估 · 表彰与问责" } },
  { path: "assessment/:unit/:year(\\d{4})", name: "scorecard", component: () => import("@/views/assessment/ScorecardView.vue"), meta: { title: "考核评分表" } },
];
