import type { RouteRecordRaw } from "vue-router";

// 信息收集 (Art. 19–24): filing on the five channels, cases, forwards, duties, breaches, the custodian's reveal.
export const intakeRoutes: RouteRecordRaw[] = [];
