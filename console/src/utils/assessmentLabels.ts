// The regulation's words for the assessment service's codes (Art. 8, 30, 31).
export const INSPECTION_KIND: Record<string, string> = { self_inspection: "自查", internal: "主管部门内部检查", superior: "上级监督" };
export const SUPERIOR_METHOD: Record<string, string> = {
  information_monitoring: "信息监测",
  unannounced_visit: "明察暗访",
  social_review: "社会评议",
};
export const SELF_TRIGGER: Record<string, string> = {
  annual: "年度自查",
  staff_change: "人员变动",
  law_change: "法律法规变化",
  function_change: "职能调整",
  duty_change: "岗位职责变化",
};
export const ASPECT: Record<string, string> = { content: "风险内容", grade: "风险等级", measures: "防控措施" };
export const RECOGNITION_KIND: Record<string, string> = { commendation: "表彰奖励", accountability: "责任追究" };
export const ASSESSMENT_STATUS: Record<string, string> = { draft: "已评分（未公布）", published: "已公布" };
export const GRADE_TAG: Record<string, "success" | "primary" | "warning" | "danger"> = {
  excellent: "success",
  good: "primary",
  pass: "warning",
  fail: "danger",
};

/** This year on Beijing's calendar: the assessment year 考核年度. */
export const thisYear = (): number => Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()));
