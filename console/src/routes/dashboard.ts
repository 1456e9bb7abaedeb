import type { RouteRecordRaw } from "vue-router";

// 区级驾驶舱: the district office's figures, each clicking through to its list.
export const dashboardRoutes: RouteRecordRaw[] = [
  { path: "dashboard", name: "dashboard", component: () => import("@/views/dashboard/DashboardView.vue"), meta: { title: "区级驾驶舱" } },
  { path: "dashboard/list/:kind", name: "dashboard-list", component: () => import("@/views/dashboard/DashboardListView.vue"), meta: { title: "区级驾驶舱 · 明细" } },
];
