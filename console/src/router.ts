import { createRouter, createWebHistory, type RouteRecordRaw } from "vue-router";
import { whenUnauthorised } from "@/api/client";
import { useSession } from "@/stores/session";
import { adminRoutes } from "@/routes/admin";
import { assessmentRoutes } from "@/routes/assessment";
import { auditRoutes } from "@/routes/audit";
import { dashboardRoutes } from "@/routes/dashboard";
import { intakeRoutes } from "@/routes/intake";
import { judgementRoutes } from "@/routes/judgement";
import { publicRoutes } from "@/routes/public";
import { registerRoutes } from "@/routes/register";
import { warningsRoutes } from "@/routes/warnings";

// Every screen is its own chunk: the sign-in page loads only what it needs. Each area's screens
// are listed in its own file under routes/.
const routes: RouteRecordRaw[] = [
  { path: "/login", name: "login", component: () => import("@/views/LoginView.vue"), meta: { public: true, title: "登录" } },
  ...publicRoutes,
  { path: "/enrol", name: "enrol", component: () => import("@/views/EnrolView.vue"), meta: { title: "绑定动态口令" } },
  {
    path: "/",
    component: () => import("@/layouts/ConsoleLayout.vue"),
    children: [
      { path: "", redirect: "/workbench" },
      { path: "workbench", name: "workbench", component: () => import("@/views/WorkbenchView.vue"), meta: { title: "工作台" } },
      ...registerRoutes,
      ...judgementRoutes,
      ...intakeRoutes,
      ...warningsRoutes,
      ...assessmentRoutes,
      ...auditRoutes,
      ...adminRoutes,
      ...dashboardRoutes,
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
