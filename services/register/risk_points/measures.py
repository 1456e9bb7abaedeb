"""The catalogue of prevention measures 廉政风险防控措施, three per risk category (Art. 15–20).

Wording follows the source text: 第十六条 岗位职责, 第十七条 制度机制, 第十八条 业务流程,
第十九条 思想道德, 第二十条 外部环境 — each with items (一)(二)(三).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Final

from shared.clock import BEIJING
from shared.errors import Invalid
from shared.vocabulary import RiskCategory


@dataclass(frozen=True)
class Measure:
    """One catalogued prevention measure: category, article and item, the regulation's words."""

    code: str
    category: RiskCategory
    article: int
    item: int
    title_zh: str
    text_zh: str
    title_en: str


def _m(category: RiskCategory, article: int, item: int, title: str, text: str, en: str) -> Measure:
    return Measure(f"{category.value}.{item}", category, article, item, title, text, en)


_PD, _SM, _BP = (
    RiskCategory.POST_DUTY,
    RiskCategory.SYSTEM_MECHANISM,
    RiskCategory.BUSINESS_PROCESS,
)
_IM, _EE = RiskCategory.IDEOLOGY_MORALITY, RiskCategory.EXTERNAL_ENVIRONMENT

CATALOGUE: Final[tuple[Measure, ...]] = (
    _m(_PD, 16, 1, "优化权力结构",
       "对权力进行科学分解和配置，建立健全决策权、执行权、监督权既相互制约又相互协调的权力结构和运行机制。",
       "Optimise the power structure: split decision, execution and supervision"),
    _m(_PD, 16, 2, "规范行政自由裁量权",
       "建立健全行政处罚、行政许可和非行政许可审批、行政强制、行政征收等领域的裁量权基准制度，"
       "制定具体裁量标准和实施细则。",
       "Regulate administrative discretion with benchmarks and detailed standards"),
    _m(_PD, 16, 3, "推进权力公开透明运行",
       "深入推进党务公开、政务公开、厂务公开、村(居)务公开等事务公开机制，加大社会监督力度。",
       "Open, transparent operation of power"),
    _m(_SM, 17, 1, "完善制度",
       "对已有的制度措施进行梳理，过时的要摒弃，内容不完善的要进一步健全完善；对缺失的要及时建立、补充。",
       "Improve the rules: drop outdated, complete deficient, add missing ones"),
    _m(_SM, 17, 2, "执行制度",
       "建立健全监督约束机制，加大制度的执行力，形成一级抓一级，逐级抓监督，逐级抓落实的工作格局。",
       "Enforce the rules level by level"),
    _m(_SM, 17, 3, "制度衡权",
       "通过明确职责分工、分解工作职权、强化内部监督等方式，加强单位之间的相互制约，"
       "利用制度的约束力和监督力控制权力运行。",
       "Balance power by rules: divided duties, internal supervision"),
    _m(_BP, 18, 1, "规范业务流程",
       "将决策与执行、审核与批复、调配与使用、调查与处理等各个工作流程分离，"
       "制订出相互牵制、相互制约的业务流程图。",
       "Separate decision from execution, review from approval; checked flowcharts"),
    _m(_BP, 18, 2, "网上审批与电子监察",
       "对拥有行政审批权的岗位，以网上审批和“并联”审批、实施电子监察等形式进行动态防控；"
       "未实行网上审批的，要加大审批流程公开，接受群众监督。",
       "Online and parallel approval under electronic monitoring"),
    _m(_BP, 18, 3, "实时监控公共资源",
       "逐步把廉政风险点和公共资源配置、公共资金使用等纳入电子监察和网上公开范围，实现实时监控。",
       "Real-time monitoring of public resources and funds"),
    _m(_IM, 19, 1, "加大教育力度",
       "以经常性教育为主，丰富教育形式、充实教育内容，做到反复强化，提高教育效果。",
       "Regular, repeated integrity education"),
    _m(_IM, 19, 2, "健全激励机制",
       "以正面激励为主，批评教育为辅，通报表扬与通报批评相结合、物质奖励与精神鼓励相结合、"
       "树立榜样与曝光案例相结合。",
       "Incentives: praise and criticism, examples and exposed cases"),
    _m(_IM, 19, 3, "加大舆论宣传",
       "宣扬真善美，营造诚信守法、廉洁从政的良好氛围，筑牢思想道德信念。",
       "Publicity for honest, law-abiding government"),
    _m(_EE, 20, 1, "破除行业潜规则",
       "从制度层面、完善相应的法律法规着手，加大监管力度与处罚力度，对监管的部门实行问责制，"
       "把责任落实到个人。",
       "Break the trade's unwritten rules; accountability of supervisors"),
    _m(_EE, 20, 2, "贯彻落实回避制度",
       "贯彻落实任职回避、地域回避和公务回避等制度，减少因亲属关系等人为因素对工作的干扰。",
       "Recusal: office, regional and official-duty recusal"),
    _m(_EE, 20, 3, "引导外部监督",
       "通过开展公述民评等社会评价活动，引导社会、群众、媒体参与监督，约束公共权力实施主体行为。",
       "Outside supervision by the public and the media"),
)  # fmt: skip

_BY_CODE: Final = {m.code: m for m in CATALOGUE}


def measures_for(category: RiskCategory) -> tuple[Measure, ...]:
    """The three catalogued measures of one risk category (Art. 16–20)."""
    return tuple(m for m in CATALOGUE if m.category is category)


def measure(code: str) -> Measure:
    """A catalogued measure by code; Invalid naming `measure_code` if there is none (Art. 15)."""
    try:
        return _BY_CODE[code]
    except KeyError:
        raise Invalid(
            "measure_code", f"防控措施目录中没有措施 {code!r} (no catalogued measure {code!r})"
        ) from None


class MeasureStatus(StrEnum):
    """Where a chosen measure stands (Art. 15, 30).

    planned 计划 → in_progress 落实中 → done 已报落实 (reported by its owner or the office, awaiting
    verification) → verified 核验落实 (confirmed by someone other than the owner). A verification
    that finds it not done returns it to in_progress. withdrawn: replaced in a revision.
    """

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    VERIFIED = "verified"
    WITHDRAWN = "withdrawn"  # replaced in a revision 动态修正 (Art. 30); kept in the history

    @property
    def label_zh(self) -> str:
        return MEASURE_STATUS_ZH[self.value]

    @property
    def outstanding(self) -> bool:
        """Still owed by its due date: neither reported done, verified nor withdrawn."""
        return self in (MeasureStatus.PLANNED, MeasureStatus.IN_PROGRESS)


MEASURE_STATUS_ZH = {
    "planned": "计划",
    "in_progress": "落实中",
    "done": "已报落实（待核验）",
    "verified": "已核验落实",
    "withdrawn": "已撤销",
}


@dataclass(frozen=True)
class ChosenMeasure:
    """A measure chosen for one risk point: owner, due date, status, who reported it done and
    who verified it (Art. 15)."""

    measure_code: str
    detail: str
    owner_id: str
    due_date: str  # ISO date, YYYY-MM-DD
    status: MeasureStatus
    note: str = ""
    reported_by: str | None = None  # who reported it done 报告落实
    reported_at: datetime | None = None
    verified_by: str | None = None  # who verified it 核验, never the owner
    verified_at: datetime | None = None

    @property
    def category(self) -> RiskCategory:
        """The category of the catalogued measure (Art. 16–20)."""
        return measure(self.measure_code).category

    @property
    def due(self) -> date:
        return date.fromisoformat(self.due_date)

    @property
    def deadline(self) -> datetime:
        """The end of the due date, Beijing time: from then an outstanding measure is overdue."""
        return datetime.combine(self.due + timedelta(days=1), time(0), BEIJING)

    @property
    def counts(self) -> bool:
        """Whether it counts towards the grade's measures (Art. 14): chosen and not withdrawn."""
        return self.status is not MeasureStatus.WITHDRAWN
