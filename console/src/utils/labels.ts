// The regulation's own words for the codes the services send.
export const CATEGORY: Record<string, string> = {
  post_duty: "岗位职责风险",
  system_mechanism: "制度机制风险",
  business_process: "业务流程风险",
  external_environment: "外部环境风险",
  ideology_morality: "思想道德风险",
};

export const GRADE: Record<string, string> = { high: "一级（高）", medium: "二级（中）", low: "三级（低）" };
export const GRADE_TAG: Record<string, "danger" | "warning" | "success"> = {
  high: "danger",
  medium: "warning",
  low: "success",
};

export const STATUS: Record<string, string> = {
  draft: "草稿",
  graded: "已定级（待审定）",
  approved: "已审定",
  published: "公示中",
  in_force: "已生效",
};

export const MEASURE_STATUS: Record<string, string> = {
  planned: "已制定",
  in_progress: "落实中",
  done: "已落实（待核验）",
  verified: "已核验",
  withdrawn: "已撤回",
};

export const ROLE: Record<string, string> = {
  officer: "信息员",
  judge: "研判小组成员",
  leader: "领导班子成员",
  office: "预防腐败室",
  auditor: "审计",
  custodian: "举报人信息保管员",
  admin: "管理员",
};

export const FACTOR: Record<string, string> = {
  importance: "权力重要程度",
  discretion: "自由裁量权大小",
  probability: "腐败发生概率",
  harm: "危害程度",
};

export const label = (table: Record<string, string>, code: string | null | undefined): string =>
  code ? (table[code] ?? code) : "—";

export const POWER_KIND: Record<string, string> = {
  licensing: "行政许可",
  penalty: "行政处罚",
  coercion: "行政强制",
  levy: "行政征收",
  benefit: "行政给付",
  inspection: "行政检查",
  confirmation: "行政确认",
  reward: "行政奖励",
  adjudication: "行政裁决",
  other: "其他职权",
};

export const UNIT_KIND: Record<string, string> = {
  district: "区",
  district_department: "区直机关",
  stationed_unit: "省、市驻清新单位",
  town: "镇(街)",
  town_unit: "镇(街)二级机关",
  soe: "国有企业",
  institution: "事业单位",
  peoples_organisation: "人民团体",
  village_committee: "村(居)民委员会",
};

// 工作台 to-dos (shared/todos.py TodoKind): what is to be done, in the regulation's words.
export const TODO_KIND: Record<string, string> = {
  duty_due: "信息报送",
  forward_to_handle: "批转办理",
  forward_awaiting_feedback: "转办待反馈",
  forward_report_to_review: "反馈待审核",
  breach_to_review: "瞒报复核",
  public_report_to_screen: "网上举报筛选",
  information_to_judge: "核实研判",
  grading_to_vote: "集体审定",
  point_to_publish: "公示",
  objection_to_answer: "异议答复",
  measure_due: "措施落实",
  measure_to_verify: "措施核验",
  proposal_to_review: "预警审核",
  warning_action_due: "预警处置",
  warning_action_to_verify: "处置核验",
  disposal_to_sign_off: "处置监督",
  disposal_rework_due: "退回重办",
};

// The part of the work each service's to-dos belong to.
export const TODO_AREA: Record<string, string> = {
  intake: "信息收集",
  register: "风险登记与研判",
  warning: "预警处置",
  assessment: "考核评估",
};

// Why a risk point deserves focus 排查重点 (Art. 12).
export const FOCUS: Record<string, string> = {
  key_post_or_link: "重要岗位和关键环节",
  past_violation: "曾出现违纪违法问题",
  many_complaints: "群众反映问题较多",
};
