import type { RouteRecordRaw } from "vue-router";

// 预警处置 (Art. 26–29): review meetings, the warnings board, actions and their documents, 预警通知书.
export const warningsRoutes: RouteRecordRaw[] = [];
