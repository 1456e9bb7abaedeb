"""Events of the audit trail: chain heads published as witnesses (Art. 23, 29, 31).

Not a service's domain event: each service's worker publishes its store's chain head here, on
the audit topic, so that other nodes and downstream systems hold a witness of the history that
the store cannot later take back (shared/audit/checkpoints.py).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from shared.events.base import CloudEvent, EventData


class ChainCheckpointData(EventData):
    """The head of one service's hash chain at a moment (Art. 23, 29, 31)."""

    schema_version: Literal[1] = Field(default=1, description="Version of this data's schema (1).")
    service: str = Field(
        min_length=1, description="The service whose store the chain covers, e.g. intake."
    )
    position: int = Field(ge=1, description="Position (notification id) of the head link.")
    head_event_id: str = Field(
        min_length=1,
        description="The stored event at the head: originator id and version, `<uuid>@<n>`.",
    )
    head_hash: str = Field(
        pattern=r"^[0-9a-f]{64}$",
        description="sha256 of the chain up to and including the head (hex).",
    )


class ChainCheckpoint(CloudEvent):
    """ChainCheckpoint v1: a store's chain head, witnessed on Kafka (Art. 23, 29, 31)."""

    type: Literal["cn.gov.qingxin.lianfang.audit.ChainCheckpoint.v1"] = Field(
        default="cn.gov.qingxin.lianfang.audit.ChainCheckpoint.v1",
        description="Event type (ce_type).",
    )
    data: ChainCheckpointData = Field(description="The chain head.")
