// The side menu: the regulation's own terms, each shown to the roles that do that work.
// Part 2 of the console (warnings, assessment, audit) shows greyed until it is built.
export interface MenuItem {
  path: string;
  title: string;
  icon: string;
  roles: string[] | "all";
  ready: boolean;
}

const REGISTER_READERS = ["office", "leader", "judge", "auditor"];

export const MENU: MenuItem[] = [
  { path: "/workbench", title: "工作台", icon: "HomeFilled", roles: "all", ready: true },
  { path: "/register/points", title: "风险登记", icon: "Notebook", roles: REGISTER_READERS, ready: true },
  { path: "/intake", title: "信息收集", icon: "MessageBox", roles: ["office", "officer", "custodian"], ready: true },
  { path: "/judgement", title: "研判", icon: "Stamp", roles: ["judge", "office"], ready: true },
  { path: "/register/heat-map", title: "风险分布", icon: "Histogram", roles: REGISTER_READERS, ready: true },
  { path: "/warnings", title: "预警处置", icon: "Bell", roles: ["office", "leader", "auditor"], ready: true },
  { path: "/assessment", title: "考核评估", icon: "DataAnalysis", roles: ["office", "leader", "auditor"], ready: true },
  { path: "/audit", title: "审计", icon: "Document", roles: ["auditor", "office"], ready: true },
  { path: "/dashboard", title: "区级驾驶舱", icon: "Monitor", roles: ["office"], ready: true },
  { path: "/admin", title: "系统管理", icon: "Setting", roles: ["admin"], ready: true },
];

export const REGISTER_SUBMENU = [
  { path: "/register/points", title: "风险点" },
  { path: "/register/powers", title: "职权目录" },
  { path: "/register/units", title: "组织机构" },
];

export function visibleTo(item: MenuItem, roles: Set<string>): boolean {
  return item.roles === "all" || item.roles.some((r) => roles.has(r));
}

export const WARNINGS_SUBMENU = [
  { path: "/warnings/board", title: "预警台账" },
  { path: "/warnings/proposals", title: "处置建议与会议审核" },
  { path: "/warnings/overdue", title: "逾期未整改" },
  { path: "/warnings/inbox", title: "条块结合收件箱" },
];

export const ASSESSMENT_SUBMENU = [
  { path: "/assessment/ranking", title: "考核排名" },
  { path: "/assessment/inspections", title: "检查与发现" },
  { path: "/assessment/self-inspections", title: "年度自查" },
  { path: "/assessment/surveys", title: "社会评议" },
  { path: "/assessment/recognitions", title: "表彰与问责" },
];

// 信息收集's pages, each for the roles that do that work (Art. 22–24).
export const INTAKE_SUBMENU = [
  { path: "/intake", title: "信息列表", roles: ["office", "officer", "custodian", "auditor"] },
  { path: "/intake/new", title: "报送信息", roles: ["office", "officer"] },
  { path: "/intake/duties", title: "报告义务与违规", roles: ["office", "leader", "auditor"] },
  { path: "/intake/officers", title: "信息员名册", roles: ["office", "auditor"] },
];
