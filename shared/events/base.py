"""What every event has: who did it, about which unit, on what authority, in a CloudEvents envelope.

Each concrete event is a pair: a data model (subclass of `EventData`) and an envelope (subclass of
`CloudEvent`) whose `type` is a Literal `cn.gov.qingxin.lianfang.<service>.<EventName>.v<N>` and
whose `data` is that data model. The data's `schema_version` equals N.
"""

from __future__ import annotations

import builtins
import re
import uuid
from datetime import datetime
from typing import Literal, NamedTuple, Self

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

TYPE_PREFIX = "cn.gov.qingxin.lianfang"
_TYPE_PATTERN = re.compile(
    r"^cn\.gov\.qingxin\.lianfang\."
    r"(?P<service>[a-z]+)\.(?P<name>[A-Z][A-Za-z0-9]+)\.v(?P<version>[1-9][0-9]*)$"
)
_UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"


class EventTypeName(NamedTuple):
    """The parts of an event type string: producing service, event name, version."""

    service: str
    name: str
    version: int

    @property
    def unversioned(self) -> str:
        """The type string without its `.vN` suffix: what stays the same across versions."""
        return f"{TYPE_PREFIX}.{self.service}.{self.name}"

    def __str__(self) -> str:
        return f"{self.unversioned}.v{self.version}"


def parse_event_type(event_type: str) -> EventTypeName:
    """Split `cn.gov.qingxin.lianfang.<service>.<EventName>.v<N>`; ValueError if it is not one."""
    match = _TYPE_PATTERN.match(event_type)
    if match is None:
        raise ValueError(f"not a lianfang event type: {event_type!r}")
    return EventTypeName(match["service"], match["name"], int(match["version"]))


class Actor(BaseModel):
    """Who acted: a user, in a role, belonging to a unit; reporting is accountable (Art. 23)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    user_id: str = Field(min_length=1, description="Opaque id of the user who acted.")
    role: str = Field(
        min_length=1,
        description="The role the user acted in, e.g. officer (信息员), judge (研判小组), leader.",
    )
    unit_code: str = Field(min_length=1, description="Code of the organisational unit of the user.")


class EventData(BaseModel):
    """Common to every event's data: unit, node, who, on what authority, when (Art. 7, 23)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: int = Field(
        ge=1, description="Version of this data's schema; equals the N of the event type's `.vN`."
    )
    unit_code: str = Field(
        min_length=1,
        description="Code of the organisational unit (单位) the event is about; decides "
        "jurisdiction.",
    )
    node_id: str = Field(
        min_length=1,
        description="Deployment node (节点) that raised the event, e.g. district or town-taihe.",
    )
    actor: Actor = Field(description="Who did what the event records.")
    authority: str = Field(
        min_length=1,
        description="On what authority (依据): article and/or decision reference, e.g. "
        "'Art. 22' or '会议纪要 2026-12'.",
    )
    occurred_at: AwareDatetime = Field(
        description="When it happened in the domain (timezone-aware, RFC 3339)."
    )


class CloudEvent(BaseModel):
    """A CloudEvents 1.0 envelope around one event's data (architecture: Kafka contract)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(
        pattern=_UUID_PATTERN,
        description="Event id (ce_id), a lowercase UUID string; the same on every re-send, so "
        "consumers drop duplicates by it.",
    )
    source: str = Field(
        min_length=1,
        description='URI-reference of the producer (ce_source), e.g. "/lianfang/district/intake".',
    )
    specversion: Literal["1.0"] = Field(default="1.0", description="CloudEvents version (1.0).")
    type: str = Field(
        description="Event type (ce_type): cn.gov.qingxin.lianfang.<service>.<EventName>.v<N>."
    )
    time: AwareDatetime = Field(
        description="When the producer recorded the event (ce_time), timezone-aware, RFC 3339."
    )
    subject: str = Field(
        min_length=1,
        description="The aggregate (case) the event belongs to (ce_subject); the Kafka record key, "
        "so one aggregate's events stay in order.",
    )
    datacontenttype: Literal["application/json"] = Field(
        default="application/json", description="Media type of `data` (content-type header)."
    )
    data: EventData = Field(description="The event's payload.")

    @classmethod
    def event_type(cls) -> str:
        """This class's `type` string (its Literal default)."""
        default = cls.model_fields["type"].default
        if not isinstance(default, str):
            raise TypeError(f"{cls.__name__} has no fixed event type")
        return default

    @classmethod
    def data_model(cls) -> builtins.type[EventData]:  # `type` is a field here
        """This class's data model (the type of its `data` field)."""
        annotation = cls.model_fields["data"].annotation
        if not (isinstance(annotation, type) and issubclass(annotation, EventData)):
            raise TypeError(f"{cls.__name__}.data is not an EventData model")
        return annotation

    @classmethod
    def create(
        cls,
        *,
        data: EventData,
        subject: str,
        source: str,
        clock_now: datetime,
        event_id: str | None = None,
    ) -> Self:
        """A new envelope at `clock_now`; pass a deterministic `event_id` to make re-sends equal."""
        return cls(
            id=event_id if event_id is not None else str(uuid.uuid4()),
            source=source,
            type=cls.event_type(),
            time=clock_now,
            subject=subject,
            data=data,
        )
