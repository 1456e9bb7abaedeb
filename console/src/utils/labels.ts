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
