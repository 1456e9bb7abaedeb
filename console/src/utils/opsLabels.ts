// The regulation's words for the codes the 审计, 系统管理 and 区级驾驶舱 screens show.
export const WARNING_LEVEL: Record<string, string> = { yellow: "黄色预警", orange: "橙色预警", red: "红色预警" };
export const WARNING_COLOUR: Record<string, string> = { yellow: "#d4a106", orange: "#ea580c", red: "#b91c1c" };

export const BREACH_KIND: Record<string, string> = {
  late: "迟报",
  missed: "漏报",
  concealment_candidate: "瞒报嫌疑",
};

export const BREACH_STATUS: Record<string, string> = {
  recorded: "已记录",
  to_review: "待认定",
  confirmed: "已认定",
  dismissed: "已排除",
};

export const FORWARD_STATE: Record<string, string> = {
  awaiting: "待接收",
  delivered: "已送达，待反馈",
  returned: "退回重办",
  reminded: "已提醒",
  overdue: "逾期未反馈",
  reported: "已反馈，待审核",
  signed_off: "已办结",
};

export const CHANNEL: Record<string, string> = {
  officer_report: "信息员报告",
  petition: "信访举报",
  online_media: "网络媒体",
  inspection: "监督检查",
  data_sharing: "资源共享",
};

export const ASSESSMENT_GRADE: Record<string, string> = { excellent: "优秀", good: "良好", pass: "合格", fail: "不合格" };

export const SERVICE: Record<string, string> = {
  intake: "信息收集",
  register: "风险登记",
  warning: "预警处置",
  assessment: "考核评估",
  console: "控制台（账户）",
};

export const ACTION_KIND: Record<string, string> = {
  explanation: "说明情况、分析原因",
  self_analysis: "剖析材料",
  deep_analysis: "深刻分析原因",
  warning_talk: "预警谈话",
  leader_talk: "分管领导谈话",
  principal_leader_talk: "主要领导谈话",
  measures_revision: "制定或修正整改措施",
  rectification: "限期整改",
  internal_criticism: "内部通报批评",
  inquiry: "询问与质询",
  recommendation_letter: "纪律检查（监察）建议书",
  off_post_study: "离岗学习、停职检查",
};

export const HOLDER: Record<string, string> = { warned_unit: "被预警单位", disposing_body: "处置机关" };

export const VIA: Record<string, string> = {
  case: "本案",
  risk_point: "所涉风险点",
  power: "所涉职权",
  evidence: "考核依据",
  unit_year: "单位年度",
};

export const DISTRICT_ITSELF = "-";
