"""The supervision of a warning's disposal by the level above the disposing body (Art. 29).

"廉政风险预警处置情况的监督，按照干部管理权限分级进行": the body that manages the disposing body's
cadres watches the disposal. It chases 督办 a disposal still under way, returns 退回 a finished
disposal for rework with its reasons, and signs it off 办结 once done; the disposing body answers
a return by reporting its rework. One aggregate per warning; commands check the rules and
trigger one event, event methods only change state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, event

from shared.errors import Conflict, Invalid
from shared.vocabulary import ActorRecord


class SupervisionState(StrEnum):
    """Where the level above stands on a disposal (Art. 29)."""

    WATCHING = "watching"  # 监督中: chased or not, the disposal is the disposing body's to finish
    RETURNED = "returned"  # 退回重办: the disposing body owes its rework
    RESUBMITTED = "resubmitted"  # 已重报: the rework awaits the level above
    SIGNED_OFF = "signed_off"  # 办结


@dataclass(frozen=True)
class SupervisoryAct:
    """One act of supervision or answer to it: what, why, documents, who, when (Art. 29)."""

    act: str  # chased · returned · resubmitted · signed_off
    text: str
    document_refs: tuple[str, ...]
    by: ActorRecord
    at: datetime


def supervision_id(warning_id: UUID) -> UUID:
    """One supervision per warning: its id follows from the warning's."""
    return uuid5(warning_id, "supervision")


class DisposalSupervision(Aggregate):
    """The level above's supervision of one warning's disposal 分级监督 (Art. 29)."""

    class Act(Aggregate.Event):
        """A supervisory act or the disposing body's answer; the facts ride along to publish."""

        act: str
        text: str
        document_refs: list[str]
        warning_id: UUID
        notice_number: str
        subject_unit: str
        disposing_unit: str
        by: ActorRecord
        at: datetime
        # A return's rework deadline (重办期限); None for the other acts and older returns.
        due_at: datetime | None = None

    @staticmethod
    def create_id(warning_id: UUID, **_: Any) -> UUID:
        return supervision_id(warning_id)

    @event("Started")
    def __init__(
        self, *, warning_id: UUID, notice_number: str, subject_unit: str, disposing_unit: str
    ) -> None:
        self.warning_id = warning_id
        self.notice_number = notice_number
        self.subject_unit = subject_unit
        self.disposing_unit = disposing_unit
        self.state = SupervisionState.WATCHING
        self.acts: list[SupervisoryAct] = []
        self.rework_due_at: datetime | None = None  # while a return awaits its rework

    def chase(self, *, note: str, disposal_open: bool, by: ActorRecord, at: datetime) -> None:
        """Chase 督办 a disposal still under way or owed after a return (Art. 29)."""
        self._not_signed_off()
        if not disposal_open and self.state is not SupervisionState.RETURNED:
            raise Conflict(
                "Art. 29: 处置已完成，请审核（办结或退回），无需督办 (the disposal is finished; "
                "review it (sign it off or return it) instead of chasing)"
            )
        if not note.strip():  # (named as the request names it: SuperviseIn.text)
            raise Invalid("text", "Art. 29: 请写明督办事项 (say what the chase asks for)")
        self._act("chased", note.strip(), [], by, at)

    def return_for_rework(
        self,
        *,
        reason: str,
        disposal_open: bool,
        by: ActorRecord,
        at: datetime,
        due_at: datetime | None = None,
    ) -> None:
        """Return 退回 a finished disposal to the disposing body, with reasons and the date its
        rework is due, which is watched (Art. 29)."""
        self._finished_only(disposal_open, "returned")
        if not reason.strip():  # (named as the request names it: SuperviseIn.text)
            raise Invalid("text", "Art. 29: 请写明退回理由 (say why the disposal is returned)")
        self._act("returned", reason.strip(), [], by, at, due_at)

    @property
    def returns(self) -> list[SupervisoryAct]:
        """The returns 退回 so far, oldest first."""
        return [a for a in self.acts if a.act == "returned"]

    def resubmit(
        self, *, note: str, document_refs: list[str], by: ActorRecord, at: datetime
    ) -> None:
        """The disposing body reports its rework after a return (Art. 29)."""
        if self.state is not SupervisionState.RETURNED:
            raise Conflict(
                "Art. 29: 处置未被退回，没有需要报送的重办情况 "
                "(nothing was returned; there is no rework to report)"
            )
        if not note.strip():
            raise Invalid("note", "Art. 29: 请写明重办情况 (say what was reworked)")
        refs = [r.strip() for r in document_refs if r.strip()]
        self._act("resubmitted", note.strip(), refs, by, at)

    def sign_off(self, *, opinion: str, disposal_open: bool, by: ActorRecord, at: datetime) -> None:
        """Sign a finished disposal off 办结 (Art. 29)."""
        self._finished_only(disposal_open, "signed off")
        self._act("signed_off", opinion.strip(), [], by, at)

    def _act(
        self,
        act: str,
        text: str,
        document_refs: list[str],
        by: ActorRecord,
        at: datetime,
        due_at: datetime | None = None,
    ) -> None:
        self._acted(
            act=act, text=text, document_refs=document_refs, warning_id=self.warning_id,
            notice_number=self.notice_number, subject_unit=self.subject_unit,
            disposing_unit=self.disposing_unit, by=dict(by), at=at, due_at=due_at,
        )  # fmt: skip

    @event(Act)
    def _acted(
        self,
        *,
        act: str,
        text: str,
        document_refs: list[str],
        warning_id: UUID,
        notice_number: str,
        subject_unit: str,
        disposing_unit: str,
        by: ActorRecord,
        at: datetime,
        due_at: datetime | None = None,
    ) -> None:
        self.acts.append(SupervisoryAct(act, text, tuple(document_refs), dict(by), at))
        if act == "returned":
            self.rework_due_at = due_at
        elif act in ("resubmitted", "signed_off"):
            self.rework_due_at = None
        self.state = {
            "returned": SupervisionState.RETURNED,
            "resubmitted": SupervisionState.RESUBMITTED,
            "signed_off": SupervisionState.SIGNED_OFF,
        }.get(act, self.state)

    def _not_signed_off(self) -> None:
        if self.state is SupervisionState.SIGNED_OFF:
            raise Conflict(
                f"Art. 29: {self.notice_number} 的处置已办结 "
                f"(the disposal of {self.notice_number} was signed off 办结)"
            )

    def _finished_only(self, disposal_open: bool, act: str) -> None:
        self._not_signed_off()
        if disposal_open:
            act_zh = {"returned": "退回", "signed off": "办结"}.get(act, act)
            raise Conflict(
                f"Art. 29: {self.notice_number} 的处置尚未完成（仍有措施未核实），完成后方可"
                f"{act_zh}；其间可督办 (the disposal of {self.notice_number} is still under way "
                f"(actions not all verified); it is {act} once finished — chase it (督办) "
                "meanwhile)"
            )
        if self.state is SupervisionState.RETURNED:
            raise Conflict(
                "Art. 29: 处置已退回，须待处置机关报送重办情况 (the disposal was returned 退回; "
                "the disposing body reports its rework first)"
            )
