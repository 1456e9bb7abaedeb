"""The regulation's closed vocabularies, as string enums with their Chinese labels.

Values are stable English identifiers (they go on the wire); `label_zh` gives the regulation's term
for documents and user interfaces. The exported JSON Schema of each enum lists every value with its
label, so a downstream team can read the terms without Python.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import TypeAlias

from pydantic import GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

# Who acted, as the services' own stored events record it: user_id, role and (but for a system
# act such as a tick) unit_code. `shared.events.Actor` is its public, validated form, built from
# it at the contract edge (Art. 23: reporting is accountable).
ActorRecord: TypeAlias = dict[str, str]


class LabelledEnum(StrEnum):
    """A closed vocabulary of the regulation, each value with its Chinese term (Art. 13, 22, 28)."""

    @property
    def label_zh(self) -> str:
        """The regulation's Chinese term for this value."""
        return LABELS_ZH[type(self)][self.value]

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        schema = handler.resolve_ref_schema(schema)
        terms = "; ".join(f"{m.value} = {m.label_zh}" for m in cls)
        schema["description"] = f"{(cls.__doc__ or '').strip()} Values: {terms}."
        schema["x-labels-zh"] = {m.value: m.label_zh for m in cls}
        return schema


class Channel(LabelledEnum):
    """Channel through which risk information was collected, 信息采集渠道 (Art. 22)."""

    ONLINE_MEDIA = "online_media"
    PETITION = "petition"
    INSPECTION = "inspection"
    DATA_SHARING = "data_sharing"
    OFFICER_REPORT = "officer_report"


class RiskCategory(LabelledEnum):
    """The five integrity-risk categories, 廉政风险五大类 (Art. 13)."""

    POST_DUTY = "post_duty"
    SYSTEM_MECHANISM = "system_mechanism"
    BUSINESS_PROCESS = "business_process"
    EXTERNAL_ENVIRONMENT = "external_environment"
    IDEOLOGY_MORALITY = "ideology_morality"


class Grade(LabelledEnum):
    """Risk grade, 风险等级 高/中/低 (Art. 14)."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class WarningLevel(LabelledEnum):
    """Early-warning level, 预警等级 黄/橙/红, from low to high risk (Art. 28)."""

    YELLOW = "yellow"
    ORANGE = "orange"
    RED = "red"


# 第二十八条: 按照风险等级，由低到高分别实行黄色、橙色、红色三个等级预警.
# The text's rule, not the district's: not configurable.
WARNING_LEVEL_OF_GRADE: Mapping[Grade, WarningLevel] = MappingProxyType(
    {
        Grade.LOW: WarningLevel.YELLOW,
        Grade.MEDIUM: WarningLevel.ORANGE,
        Grade.HIGH: WarningLevel.RED,
    }
)


def warning_level_for(grade: Grade) -> WarningLevel:
    """The warning level a risk grade calls for (Art. 28): 低→黄, 中→橙, 高→红."""
    return WARNING_LEVEL_OF_GRADE[grade]


class Verdict(LabelledEnum):
    """Outcome of the judgement group's assessment, 研判结论 (Art. 25, 28)."""

    UNFOUNDED = "unfounded"
    INCIPIENT_TENDENCY = "incipient_tendency"
    VIOLATION = "violation"


class UnitKind(LabelledEnum):
    """Kind of organisational unit within the scope of the measures, 实施范围 (Art. 3, 5)."""

    DISTRICT = "district"
    DISTRICT_DEPARTMENT = "district_department"
    STATIONED_UNIT = "stationed_unit"
    TOWN = "town"
    TOWN_UNIT = "town_unit"
    SOE = "soe"
    INSTITUTION = "institution"
    PEOPLES_ORGANISATION = "peoples_organisation"
    VILLAGE_COMMITTEE = "village_committee"


class GradeSource(LabelledEnum):
    """Why a risk point has its grade: identification, judgement or revision (Art. 14, 25, 30)."""

    IDENTIFICATION = "identification"
    JUDGEMENT = "judgement"
    REVISION = "revision"


class RoutingOutcome(LabelledEnum):
    """Where screening by jurisdiction sends information, 分流 谁主管、谁负责 (Art. 24)."""

    ACCEPTED = "accepted"
    FORWARDED = "forwarded"
    TRANSFERRED = "transferred"


class ActionKind(LabelledEnum):
    """What a warning requires of its subject or of the disposing body, 处置措施 (Art. 28)."""

    EXPLANATION = "explanation"
    SELF_ANALYSIS = "self_analysis"
    WARNING_TALK = "warning_talk"
    RECTIFICATION = "rectification"
    MEASURES_REVISION = "measures_revision"
    LEADER_TALK = "leader_talk"
    INTERNAL_CRITICISM = "internal_criticism"
    INQUIRY = "inquiry"
    DEEP_ANALYSIS = "deep_analysis"
    PRINCIPAL_LEADER_TALK = "principal_leader_talk"
    RECOMMENDATION_LETTER = "recommendation_letter"
    OFF_POST_STUDY = "off_post_study"


class ActionHolder(LabelledEnum):
    """Whose duty a warning's action is, and so whose lapse a missed deadline is (Art. 28)."""

    DISPOSING_BODY = "disposing_body"
    WARNED_UNIT = "warned_unit"


LABELS_ZH: Mapping[type[LabelledEnum], Mapping[str, str]] = {
    Channel: {
        "online_media": "网络媒体",
        "petition": "信访举报",
        "inspection": "监督检查",
        # The text of Art. 22 says 资源共享 ("resource sharing"); the system receives shared data.
        "data_sharing": "资源共享",
        "officer_report": "信息员报告",
    },
    RiskCategory: {
        "post_duty": "岗位职责风险",
        "system_mechanism": "制度机制风险",
        "business_process": "业务流程风险",
        "external_environment": "外部环境风险",
        "ideology_morality": "思想道德风险",
    },
    Grade: {"high": "高", "medium": "中", "low": "低"},
    WarningLevel: {"yellow": "黄色预警", "orange": "橙色预警", "red": "红色预警"},
    Verdict: {
        "unfounded": "不属实",
        "incipient_tendency": "苗头性、倾向性问题",
        "violation": "已构成违纪违法",
    },
    UnitKind: {
        "district": "区",
        "district_department": "区直机关",
        "stationed_unit": "省、市驻清新单位",
        "town": "镇(街)",
        "town_unit": "镇(街)二级机关",
        "soe": "国有企业",
        "institution": "事业单位",
        "peoples_organisation": "人民团体",
        "village_committee": "村(居)民委员会",
    },
    RoutingOutcome: {
        "accepted": "本级直接处理",
        "forwarded": "批转下级",
        "transferred": "移送上级或纪检监察机关",
    },
    GradeSource: {"identification": "风险排查评定", "judgement": "研判", "revision": "动态修正"},
    ActionKind: {
        "explanation": "作出说明、分析原因",
        "self_analysis": "写出剖析材料",
        "warning_talk": "预警谈话",
        "rectification": "限期整改",
        "measures_revision": "制定或修正整改措施",
        "leader_talk": "对分管领导进行预警谈话",
        "internal_criticism": "内部通报批评",
        "inquiry": "询问与质询",
        "deep_analysis": "深刻分析原因",
        "principal_leader_talk": "对所在单位主要领导进行预警谈话",
        "recommendation_letter": "纪律检查(监察)建议书",
        "off_post_study": "离岗学习、停职检查",
    },
    ActionHolder: {"disposing_body": "处置机关", "warned_unit": "预警对象"},
}

VOCABULARIES: tuple[type[LabelledEnum], ...] = tuple(LABELS_ZH)
