import type { RouteRecordRaw } from "vue-router";

// 区级驾驶舱: the district office's figures, each clicking through to its list.
export const dashboardRoutes: RouteRecordRaw[] = [];
