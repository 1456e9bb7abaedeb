// The regulation's words for the warning service's codes (Art. 26–29).
export const LEVEL: Record<string, string> = { yellow: "黄色预警", orange: "橙色预警", red: "红色预警" };
export const LEVEL_CHAR: Record<string, string> = { yellow: "黄", orange: "橙", red: "红" };
export const LEVEL_ORDER = ["yellow", "orange", "red"];

export const ACTION_KIND: Record<string, string> = {
  explanation: "作出说明、分析原因",
  self_analysis: "写出剖析材料",
  warning_talk: "预警谈话",
  rectification: "限期整改",
  measures_revision: "制定或修正整改措施",
  leader_talk: "对分管领导进行预警谈话",
  internal_criticism: "内部通报批评",
  inquiry: "询问与质询",
  deep_analysis: "深刻分析原因",
  principal_leader_talk: "对所在单位主要领导进行预警谈话",
  recommendation_letter: "纪律检查(监察)建议书",
  off_post_study: "离岗学习、停职检查",
};
/** Actions reported with when and who took part (谈话、询问与质询); the others by documents. */
export const MEETING_KINDS = new Set(["warning_talk", "leader_talk", "principal_leader_talk", "inquiry"]);

export const HOLDER: Record<string, string> = { disposing_body: "处置机关", warned_unit: "预警对象" };
export const ACTION_STATUS: Record<string, string> = { pending: "待落实", reported: "已报送，待核实", verified: "已核实" };

export const PROPOSAL_KIND: Record<string, string> = { warning: "预警处置", transfer: "移送处理", regrade: "提请重新评定等级" };
export const PROPOSAL_STATUS: Record<string, string> = {
  open: "待会议审核",
  decided: "已审核，待发文/移送",
  issued: "已发预警通知书",
  transferred: "已移送",
  dismissed: "不予预警",
  referred: "已提请重新评定等级",
};
export const DECISION: Record<string, string> = {
  issue: "按风险等级预警",
  no_warning: "不予预警",
  transfer: "移送相关部门",
  regrade: "提请重新评定风险等级",
};
export const SOURCE: Record<string, string> = { judgement: "研判意见", grading: "风险定级", escalation: "逾期升级" };
