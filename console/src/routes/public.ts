import type { RouteRecordRaw } from "vue-router";

// The public pages (no sign-in; docs/public-pages.md): outside the signed-in shell, each its own
// chunk, usable on a phone. 网上举报 (Art. 22), its receipt code (Art. 24), 社会评议 (Art. 30(5)).
export const publicRoutes: RouteRecordRaw[] = [
  {
    path: "/p",
    component: () => import("@/layouts/PublicLayout.vue"),
    meta: { public: true },
    children: [
      { path: "", redirect: "/p/report" },
      { path: "report", name: "public-report", component: () => import("@/views/public/PublicReportView.vue"), meta: { public: true, title: "网上举报" } },
      { path: "track", name: "public-track", component: () => import("@/views/public/PublicTrackView.vue"), meta: { public: true, title: "举报进度查询" } },
      { path: "survey/:round", name: "public-survey", component: () => import("@/views/public/PublicSurveyView.vue"), meta: { public: true, title: "社会评议问卷" } },
    ],
  },
];
