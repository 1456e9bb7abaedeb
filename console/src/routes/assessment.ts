import type { RouteRecordRaw } from "vue-router";

// 考核评估 (Art. 8, 30, 31): inspections, self-inspection, surveys, scorecards, ranking, exports.
export const assessmentRoutes: RouteRecordRaw[] = [];
