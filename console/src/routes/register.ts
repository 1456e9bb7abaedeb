import type { RouteRecordRaw } from "vue-router";

// 风险登记 (Art. 10–18) and 风险分布.
export const registerRoutes: RouteRecordRaw[] = [
  { path: "register/points", name: "points", component: () => import("@/views/register/RiskPointsView.vue"), meta: { title: "风险登记 · 风险点" } },
  { path: "register/points/:id", name: "point", component: () => import("@/views/register/RiskPointView.vue"), meta: { title: "风险点详情" } },
  { path: "register/powers", name: "powers", component: () => import("@/views/register/PowersView.vue"), meta: { title: "风险登记 · 职权目录" } },
  { path: "register/powers/:id", name: "power", component: () => import("@/views/register/PowerView.vue"), meta: { title: "职权详情" } },
  { path: "register/units", name: "units", component: () => import("@/views/register/UnitsView.vue"), meta: { title: "风险登记 · 组织机构" } },
  { path: "register/heat-map", name: "heat-map", component: () => import("@/views/register/HeatMapView.vue"), meta: { title: "风险分布" } },
];
