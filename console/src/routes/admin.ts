import type { RouteRecordRaw } from "vue-router";

// 系统管理: accounts and role grants, unit import, the node's settings shown read-only.
export const adminRoutes: RouteRecordRaw[] = [
  { path: "admin", name: "admin", component: () => import("@/views/admin/AdminView.vue"), meta: { title: "系统管理" } },
];
