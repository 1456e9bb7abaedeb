"""Filing risk information on a channel (Art. 22), screened by jurisdiction (Art. 24)."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.persistence import IntegrityError

from services.intake.app_base import IntakeBase
from services.intake.domain import FORWARDED, RiskInformation
from services.intake.idempotency import IdempotentAnswer
from services.intake.identity import ProtectedIdentity
from services.intake.obligations import ReportingBreach
from services.intake.officers import InformationOfficer
from services.intake.routing import screen
from shared.application import actor_of
from shared.auth import Role
from shared.errors import Conflict, DomainError, Forbidden, Invalid

if TYPE_CHECKING:
    from eventsourcing.domain import Aggregate

    from services.intake.identity_cipher import PetitionerIdentity
    from shared.auth import Principal

CHANNELS = ("online_media", "petition", "inspection", "data_sharing", "officer_report")


class ContentTooLarge(DomainError):
    """Content over the size limit (answered as 413)."""

    status_code = 413


@dataclass(frozen=True)
class InformationDraft:
    """What a filer says about a piece of risk information (Art. 22)."""

    channel: str
    source_reference: str
    unit_code: str
    summary: str
    learned_at: datetime
    happened_at: datetime | None = None
    subject_post: str | None = None
    subject_person_id: str | None = None
    attachment_refs: list[str] = field(default_factory=list)
    has_protected_source: bool = False
    petitioner: PetitionerIdentity | None = field(default=None, repr=False)

    def fingerprint_fields(self) -> dict[str, Any]:
        """Everything the request said, for recognising a resubmission under the same key."""
        out = {k: v for k, v in vars(self).items() if k != "petitioner"}
        who = self.petitioner
        out["petitioner"] = [who.name, who.contact, who.id_number] if who else None
        return out


@dataclass(frozen=True)
class Filing:
    """The case a filing landed in; `created` is False when the source was filed before."""

    information_id: UUID
    created: bool
    routing: str = "accepted"
    routed_to: str = ""
    replayed: bool = False


class FilingCommands(IntakeBase):
    """Filing one piece of information, idempotently (Art. 22–24)."""

    def file_information(
        self, draft: InformationDraft, filer: Principal, idempotency_key: str | None = None
    ) -> Filing:
        """Receive risk information (Art. 22); a repeat answers with the first result."""
        answer_id = None
        fingerprint = self.fingerprint(draft.fingerprint_fields())
        if idempotency_key:
            answer_id = IdempotentAnswer.create_id(filer.user_id, idempotency_key)
            replay = self._replay(answer_id, fingerprint)
            if replay is not None:
                return _filing_of(replay)
        self.check_draft(draft)
        self.check_authority(draft.unit_code, filer)
        information_id = RiskInformation.create_id(draft.channel, draft.source_reference)
        if information_id in self.repository:
            filing = Filing(information_id, created=False)
            pending: list[Aggregate] = []
        else:
            by_unit = self._by_the_unit(draft, filer)
            pending = self.build_filing(draft, actor_of(filer, prefer="officer"), by_unit)
            info = pending[0]
            assert isinstance(info, RiskInformation)
            filing = Filing(info.id, True, info.routing, info.routed_to)
        if answer_id is not None:
            answer = {**vars(filing), "information_id": str(filing.information_id)}
            pending.append(
                IdempotentAnswer(
                    user_id=filer.user_id,
                    key=idempotency_key or "",
                    fingerprint=fingerprint,
                    answer=answer,
                )
            )
        try:
            self.save(*pending)
        except IntegrityError:
            # A concurrent request with the same key or source won: answer with its result.
            if answer_id is not None and (replay := self._replay(answer_id, fingerprint)):
                return _filing_of(replay)
            if information_id in self.repository:
                return Filing(information_id, created=False)
            raise
        return filing

    def fingerprint(self, request: dict[str, Any]) -> str:
        """A keyed hash of a request; keyed, so it tells nothing about a petitioner."""
        text = json.dumps(request, sort_keys=True, default=str, ensure_ascii=False)
        key = self.rules.identity_key.encode()
        return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()

    def _replay(self, answer_id: UUID, fingerprint: str) -> dict[str, Any] | None:
        if answer_id not in self.repository:
            return None
        answer: object = self.repository.get(answer_id)
        assert isinstance(answer, IdempotentAnswer)
        if answer.fingerprint != fingerprint:
            raise Conflict(
                f"Idempotency-Key {answer.key!r} was used before for a different request"
            )
        return {**answer.answer, "replayed": True}

    def check_draft(self, draft: InformationDraft) -> None:
        """Refuse bad input with the field and the reason (Art. 22)."""
        if draft.channel not in CHANNELS:
            raise Invalid("channel", f"must be one of {', '.join(CHANNELS)}")
        if not draft.unit_code.strip():
            raise Invalid("unit_code", "the subject unit is missing")
        self.unit(draft.unit_code)
        if not draft.summary.strip():
            raise Invalid("summary", "is empty")
        if len(draft.summary) > self.rules.max_summary_chars:
            raise ContentTooLarge(
                f"summary has {len(draft.summary)} characters; at most "
                f"{self.rules.max_summary_chars} are accepted"
            )
        now = self.clock.now()
        if draft.learned_at > now:
            raise Invalid("learned_at", "lies in the future")
        if draft.happened_at is not None:
            if draft.happened_at > now:
                raise Invalid("happened_at", "lies in the future")
            if draft.happened_at > draft.learned_at:
                raise Invalid("happened_at", "is after learned_at")
        if draft.petitioner and draft.channel != "petition":
            raise Invalid("petitioner", "only a petition 信访举报 carries a petitioner's identity")

    def check_authority(self, unit_code: str, filer: Principal) -> None:
        """Only the office 预防腐败室 or an active officer 信息员 of the unit files (Art. 22)."""
        chain = [u.code for u in self.chain(unit_code)]
        if Role.OFFICE in filer.roles and filer.unit_code in chain:
            return
        officer = self._officer(filer.user_id)
        now = self.clock.now()
        if Role.OFFICER in filer.roles and officer and officer.covers(chain, now):
            return
        if Role.OFFICE in filer.roles and not (officer and Role.OFFICER in filer.roles):
            raise Forbidden(
                f"unit {unit_code} is outside your jurisdiction (the subtree of {filer.unit_code})"
            )
        if officer is None or Role.OFFICER not in filer.roles:
            why = "you are not an appointed information officer (信息员)"
        else:
            why = f"your appointment does not cover {unit_code} on {now.date().isoformat()}"
        raise Forbidden(
            f"only the prevention office (预防腐败室) or an active information officer covering "
            f"{unit_code} may file for it: {why}"
        )

    def _officer(self, user_id: str) -> InformationOfficer | None:
        officer_id = InformationOfficer.create_id(user_id)
        if officer_id not in self.repository:
            return None
        found: object = self.repository.get(officer_id)
        return found if isinstance(found, InformationOfficer) else None

    def build_filing(
        self,
        draft: InformationDraft,
        filed_by: dict[str, str],
        reported_by_unit: bool,
        received_from: dict[str, str] | None = None,
    ) -> list[Aggregate]:
        """The case, its sealed identity and any late-report breach, ready to save together."""
        now = self.clock.now()
        chain = self.chain(draft.unit_code)
        route = screen([(u.code, u.managing_node_id) for u in chain], self.node_id)
        info = RiskInformation(
            channel=draft.channel,
            source_reference=draft.source_reference,
            unit_code=draft.unit_code,
            subject_post=draft.subject_post,
            subject_person_id=draft.subject_person_id,
            summary=draft.summary,
            happened_at=draft.happened_at,
            learned_at=draft.learned_at,
            attachment_refs=list(draft.attachment_refs),
            has_protected_source=bool(draft.petitioner) or draft.has_protected_source,
            filed_by=filed_by,
            filed_at=now,
            authority="Art. 22, 24",
            routing=route.decision,
            routed_to=route.to_node,
            routing_reason=route.reason,
            feedback_due_at=(
                now + timedelta(days=self.rules.feedback_days)
                if route.decision == FORWARDED
                else None
            ),
            reported_by_unit=reported_by_unit,
            received_from=received_from,
        )
        pending: list[Aggregate] = [info]
        if draft.petitioner:
            ciphertext = self.cipher.seal(draft.petitioner)
            pending.append(
                ProtectedIdentity(
                    information_id=info.id,
                    unit_code=info.unit_code,
                    ciphertext=ciphertext,
                    sealed_at=now,
                )
            )
        pending.extend(self._late_breaches(info))
        return pending

    def _by_the_unit(self, draft: InformationDraft, filer: Principal) -> bool:
        """Whether this is the unit's own report (本单位报告, Art. 23)."""
        if draft.channel != "officer_report":
            return False
        if filer.unit_code == draft.unit_code:
            return True
        officer = self._officer(filer.user_id)
        return officer is not None and draft.unit_code in officer.units_at(self.clock.now())

    def _late_breaches(self, info: RiskInformation) -> list[Aggregate]:
        """The unit's own report came after its event duty's window: 迟报 (Art. 23)."""
        if not info.reported_by_unit:
            return []
        found: list[Aggregate] = []
        for duty in self.view.duties():
            if duty.unit_code != info.unit_code or duty.kind != "event":
                continue
            due = duty.due_after_learning(info.learned_at)
            if info.filed_at > due:
                unit = self.org.get(info.unit_code)
                found.append(
                    ReportingBreach(
                        duty_id=duty.id,
                        about=str(info.id),
                        kind="late",
                        unit_code=info.unit_code,
                        period=None,
                        due_at=due,
                        responsible_person_id=unit.principal_leader_id,
                        evidence=[_ref(info.id, 1), _ref(duty.id, 1)],
                        information_id=info.id,
                        detected_at=info.filed_at,
                    )
                )
        return found


def _ref(originator_id: UUID, version: int) -> dict[str, Any]:
    return {"originator_id": str(originator_id), "version": version}


def _filing_of(answer: dict[str, Any]) -> Filing:
    return Filing(**{**answer, "information_id": UUID(str(answer["information_id"]))})
