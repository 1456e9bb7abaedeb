import { createRouter, createWebHistory, type RouteRecordRaw } from "vue-router";
import { whenUnauthorised } from "@/api/client";
import { useSession } from "@/stores/session";

// Every screen is its own chunk: the sign-in page loads only what it needs.
const routes: RouteRecordRaw[] = [
  { path: "/login", name: "login", component: () => import("@/views/LoginView.vue"), meta: { public: true, title: "登录" } },
  { path: "/enrol", name: "enrol", component: () => import("@/views/EnrolView.vue"), meta: { title: "绑定动态口令" } },
  {
    path: "/",
    component: () => import("@/layouts/ConsoleLayout.vue"),
    children: [
      { path: "", redirect: "/workbench" },
      { path: "workbench", name: "workbench", component: () => import("@/views/WorkbenchView.vue"), meta: { title: "工作台" } },
      { path: "register/points", name: "points", component: () => import("@/views/register/RiskPointsView.vue"), meta: { title: "风险登记 · 风险点" } },
      { path: "register/points/:id", name: "point", component: () => import("@/views/register/RiskPointView.vue"), meta: { title: "风险点详情" } },
      { path: "register/powers", name: "powers", component: () => import("@/views/register/PowersView.vue"), meta: { title: "风险登记 · 职权目录" } },
      { path: "register/powers/:id", name: "power", component: () => import("@/views/register/PowerView.vue"), meta: { title: "职权详情" } },
      { path: "register/units", name: "units", component: () => import("@/views/register/UnitsView.vue"), meta: { title: "风险登记 · 组织机构" } },
      { path: "register/heat-map", name: "heat-map", component: () => import("@/views/register/HeatMapView.vue"), meta: { title: "风险分布" } },
      { path: "judgement", name: "judgement", component: () => import("@/views/JudgementView.vue"), meta: { title: "研判" } },
      { path: ":rest(.*)*", name: "later", component: () => import("@/views/LaterView.vue"), meta: { title: "建设中" } },
    ],
  },
];

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach(async (to) => {
  const session = useSession();
  if (to.meta.public) return true;
  const me = await session.load();
  if (!me) return { name: "login", query: { next: to.fullPath } };
  // A privileged role waits for an authenticator: enrol first (docs/sign-in.md).
  if (me.withheld_roles?.length && to.name !== "enrol") return { name: "enrol" };
  return true;
});

router.afterEach((to) => {
  const title = typeof to.meta.title === "string" ? to.meta.title : "";
  document.title = title ? `${title} · 廉防` : "廉防";
});

whenUnauthorised(() => {
  const session = useSession();
  session.forget();
  const here = router.currentRoute.value;
  if (here.name !== "login") void router.push({ name: "login", query: { next: here.fullPath, expired: "1" } });
});
