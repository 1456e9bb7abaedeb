"""Filing risk information on a channel (Art. 22), screened by jurisdiction as it lands (Art. 24).

A filing is answered once: the same source filed again finds the first case, and a request
repeated under the same `Idempotency-Key` gets the first answer (幂等).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from eventsourcing.persistence import IntegrityError

from services.intake.duties.handlers import late_breaches
from services.intake.filing.imports import ImportRefused, RowResult, draft_of_row
from services.intake.filing.model import (
    ContentTooLarge,
    Filing,
    IdempotentAnswer,
    InformationDraft,
    RiskInformation,
    SourceReference,
)
from services.intake.identity.handlers import record_read, seal
from services.intake.identity.model import ProtectedIdentity
from services.intake.routing.rules import screen
from shared.application import actor_of
from shared.auth import Role
from shared.errors import Conflict, DomainError, Forbidden, NotFound
from shared.orgtree import UnknownUnit
from shared.vocabulary import Channel, RoutingOutcome

if TYPE_CHECKING:
    from uuid import UUID

    from eventsourcing.domain import Aggregate

    from services.intake.app import IntakeApplication
    from shared.auth import Principal
    from shared.orgtree import OrgUnit
    from shared.vocabulary import ActorRecord


def file_information(
    app: IntakeApplication,
    draft: InformationDraft,
    filer: Principal,
    idempotency_key: str | None = None,
) -> Filing:
    """Receive risk information (Art. 22), screened at once (Art. 24); a repeat gets the first."""
    fingerprint = _fingerprint(app, draft.fingerprint_fields())
    if idempotency_key and (replay := _replay(app, filer, idempotency_key, fingerprint)):
        return Filing.from_answer(replay)
    check_draft(app, draft)
    check_authority(app, draft.unit_code, filer)
    information_id = find_reference(app, draft.channel, draft.source_reference, draft.unit_code)
    if information_id is not None:
        check_repeat(app, information_id, draft, filer)
        filing = Filing(information_id, created=False)
        pending: list[Aggregate] = []
    else:
        by_unit = _by_the_unit(app, draft, filer)
        info, *rest = build_filing(app, draft, actor_of(filer, prefer="officer"), by_unit)
        filing = Filing(info.id, True, info.routing, info.routed_to)
        pending = [info, *rest]
    try:
        replay = _save_answered(
            app, pending, filer, idempotency_key, fingerprint, filing.as_answer()
        )
    except IntegrityError:
        # A concurrent request with the same source won: answer with its case.
        won = find_reference(app, draft.channel, draft.source_reference, draft.unit_code)
        if won is not None:
            check_repeat(app, won, draft, filer)
            return Filing(won, created=False)
        raise
    return Filing.from_answer(replay) if replay else filing


def import_rows(
    app: IntakeApplication,
    rows: list[dict[str, Any]],
    filer: Principal,
    idempotency_key: str | None = None,
) -> list[RowResult]:
    """Import shared data 资源共享: every row recorded, or none; each answered (Art. 22)."""
    fingerprint = _fingerprint(app, {"rows": rows})
    if idempotency_key and (replay := _replay(app, filer, idempotency_key, fingerprint)):
        return [RowResult(**r) for r in replay["rows"]]
    results, pending = _prepare(app, rows, filer)
    if any(r.errors for r in results) or not results:
        raise ImportRefused(results)
    answer = {"rows": [vars(r) for r in results], "replayed": True}
    replay = _save_answered(app, pending, filer, idempotency_key, fingerprint, answer)
    return [RowResult(**r) for r in replay["rows"]] if replay else results


def check_draft(app: IntakeApplication, draft: InformationDraft) -> None:
    """Refuse bad input with the field and the reason (Art. 22)."""
    app.rules.filing.check(draft, app.clock.now(), app.unit)


def check_authority(app: IntakeApplication, unit_code: str, filer: Principal) -> None:
    """Only the office 预防腐败室 or an active officer 信息员 of the unit files (Art. 22)."""
    chain = [u.code for u in app.chain(unit_code)]
    if Role.OFFICE in filer.roles and filer.unit_code in chain:
        return
    officer = app.officer_of(filer.user_id)
    now = app.clock.now()
    if Role.OFFICER in filer.roles and officer and officer.covers(chain, now):
        return
    if Role.OFFICE in filer.roles and not (officer and Role.OFFICER in filer.roles):
        raise Forbidden(
            f"单位 {unit_code} 不在您的管辖范围（{filer.unit_code} 及其下级单位）内 (unit "
            f"{unit_code} is outside your jurisdiction (the subtree of {filer.unit_code}))"
        )
    on = now.date().isoformat()
    if officer is None or Role.OFFICER not in filer.roles:
        why_zh, why = (
            "您不是已聘任的信息员",
            "you are not an appointed information officer (信息员)",
        )
    else:
        why_zh = f"您的信息员聘任范围在 {on} 不含 {unit_code}"
        why = f"your appointment does not cover {unit_code} on {on}"
    raise Forbidden(
        f"只有预防腐败室或聘任范围含 {unit_code} 的在任信息员才能报送该单位的廉政风险信息："
        f"{why_zh} (only the prevention office (预防腐败室) or an active information officer "
        f"covering {unit_code} may file for it: {why})"
    )


def fileable_units(app: IntakeApplication, filer: Principal) -> list[OrgUnit]:
    """The units `filer` may file information about now (Art. 22): the office's subtree, and
    the subtrees an active officer's appointment covers, within the filer's own subtree. The
    filing form offers these; `check_authority` still decides each filing."""
    roots: list[str] = []
    if Role.OFFICE in filer.roles:
        roots.append(filer.unit_code)
    officer = app.officer_of(filer.user_id)
    if Role.OFFICER in filer.roles and officer is not None:
        roots += [u for u in officer.units_at(app.clock.now()) if u in app.org]
    found: dict[str, OrgUnit] = {}
    for root in roots:
        for unit in app.org.subtree(root):
            if app.org.is_within(unit.code, filer.unit_code):  # the route's jurisdiction
                found.setdefault(unit.code, unit)
    return sorted(found.values(), key=lambda u: u.code)


def find_reference(
    app: IntakeApplication, channel: str, source_reference: str, unit_code: str
) -> UUID | None:
    """The case a channel's reference about a unit was filed as, if any (Art. 22).

    Through its `SourceReference`; a case filed before ids were random has none and is found
    by its old id, if it is about the same unit. Never a case about another unit: the caller
    may file about this unit, so what is found is within their jurisdiction (issue #17 item 3).
    """
    index = app.find(
        SourceReference.create_id(channel, source_reference, unit_code), SourceReference
    )
    if index is not None:
        return index.information_id
    legacy = app.find(RiskInformation.legacy_id(channel, source_reference), RiskInformation)
    if legacy is not None and legacy.unit_code == unit_code:
        return legacy.id
    return None


def check_repeat(
    app: IntakeApplication, information_id: UUID, draft: InformationDraft, filer: Principal
) -> None:
    """A repeated source is answered with its first case only to a caller who may read that case,
    and never takes a petitioner's identity silently (409 otherwise; security review M3).

    The reference is found only among the cases about the unit the caller files for
    (`find_reference`), so another unit's references are never found: filing one is answered as
    an unknown reference is, with a new case (issue #17 item 3). Should a case found still lie
    outside the caller's jurisdiction, the reference is just taken: no case id. A
    petition's identity is sealed with the case it came with (Art. 22); another one offered for
    an existing case is refused, not dropped, and the filer is asked for a distinct reference (the
    same one again is a retry, answered with the case).
    """
    existing = app.get_information(information_id)
    taken = f"{draft.channel} reference {draft.source_reference} is already taken"
    channel_zh = Channel(draft.channel).label_zh  # checked by `check_draft` before
    taken_zh = f"{channel_zh}来源编号 {draft.source_reference} 已被使用"
    try:
        app.ensure_within(filer, existing.unit_code)
    except Forbidden:
        raise Conflict(
            f"{taken_zh}，请另用一个来源编号报送 ({taken}; file it under a distinct reference)"
        ) from None
    if draft.petitioner is not None and not _same_petitioner(app, information_id, draft):
        raise Conflict(
            f"{taken_zh}（案件 {information_id}）：举报人身份不能补入已有案件（第二十二条），"
            f"请另用一个来源编号报送 ({taken} by case {information_id}: a petitioner's identity "
            "is never added to an existing case (Art. 22); file it under a distinct reference)"
        )


def _same_petitioner(app: IntakeApplication, information_id: UUID, draft: InformationDraft) -> bool:
    """Whether the identity offered is the one sealed with the case (opened here, never shown)."""
    sealed = app.find(ProtectedIdentity.create_id(information_id), ProtectedIdentity)
    return (
        sealed is not None
        and app.cipher.open(sealed.ciphertext, sealed.information_id) == draft.petitioner
    )


def build_filing(
    app: IntakeApplication,
    draft: InformationDraft,
    filed_by: ActorRecord,
    reported_by_unit: bool,
    received_from: dict[str, str] | None = None,
    *,
    information_id: UUID | None = None,
    claim_reference: bool = True,
) -> tuple[RiskInformation, *tuple[Aggregate, ...]]:
    """The case screened by jurisdiction (Art. 24), its sealed identity, any 迟报 and the claim
    of its reference (unless `claim_reference` is off: another case holds it), to save.

    The case's id is random unless `information_id` says otherwise (a forward keeps its id).
    """
    now = app.clock.now()
    chain = app.chain(draft.unit_code)
    route = screen([(u.code, u.managing_node_id) for u in chain], app.node_id)
    fields: dict[str, Any] = dict(
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
        routing=route.decision.value,
        routed_to=route.to_node,
        routing_reason=route.reason,
        feedback_due_at=app.rules.routing.feedback_due(route.decision, now),
        reported_by_unit=reported_by_unit,
        received_from=received_from,
    )
    info = (
        RiskInformation(**fields)
        if information_id is None
        else RiskInformation._create(RiskInformation.Filed, id=information_id, **fields)
    )
    rest: list[Aggregate] = list(late_breaches(app, info))
    if claim_reference:
        rest.append(
            SourceReference(
                channel=draft.channel,
                source_reference=draft.source_reference,
                unit_code=draft.unit_code,
                information_id=info.id,
            )
        )
    if draft.petitioner:
        rest.insert(0, seal(app, info.id, info.unit_code, draft.petitioner, now))
    return (info, *rest)


def _prepare(
    app: IntakeApplication, rows: list[dict[str, Any]], filer: Principal
) -> tuple[list[RowResult], list[Aggregate]]:
    results: list[RowResult] = []
    pending: list[Aggregate] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(rows, start=1):
        draft, errors = draft_of_row(raw)
        ref = raw.get("source_reference")
        if draft is None:
            results.append(RowResult(number, ref, errors=errors))
            continue
        if draft.source_reference in seen:
            message = f"source_reference: repeats row {seen[draft.source_reference]}"
            results.append(RowResult(number, ref, errors=[message]))
            continue
        seen[draft.source_reference] = number
        try:
            check_draft(app, draft)
            check_authority(app, draft.unit_code, filer)
        except (DomainError, UnknownUnit) as exc:
            reason = "content too large" if isinstance(exc, ContentTooLarge) else ""
            results.append(RowResult(number, ref, errors=[reason or str(exc)]))
            continue
        information_id = find_reference(app, draft.channel, draft.source_reference, draft.unit_code)
        if information_id is not None:
            try:
                check_repeat(app, information_id, draft, filer)
            except Conflict as exc:
                results.append(RowResult(number, ref, errors=[str(exc)]))
                continue
            results.append(RowResult(number, ref, str(information_id), created=False))
            continue
        built = build_filing(app, draft, actor_of(filer, prefer="officer"), False)
        pending.extend(built)
        results.append(RowResult(number, ref, str(built[0].id), created=True))
    return results, pending


def _fingerprint(app: IntakeApplication, request: dict[str, Any]) -> str:
    """A keyed hash of a request; keyed, so it tells nothing about a petitioner."""
    text = json.dumps(request, sort_keys=True, default=str, ensure_ascii=False)
    return app.cipher.fingerprint(text)  # its own key, derived apart from the sealing key


def _replay(
    app: IntakeApplication, filer: Principal, key: str, fingerprint: str
) -> dict[str, Any] | None:
    """The first answer given under this caller's key, or None; a different request: 409."""
    answer = app.find(IdempotentAnswer.create_id(filer.user_id, key), IdempotentAnswer)
    if answer is None:
        return None
    if answer.fingerprint != fingerprint:
        raise Conflict(f"Idempotency-Key {answer.key!r} was used before for a different request")
    return {**answer.answer, "replayed": True}


def _save_answered(
    app: IntakeApplication,
    pending: list[Aggregate],
    filer: Principal,
    key: str | None,
    fingerprint: str,
    answer: dict[str, Any],
) -> dict[str, Any] | None:
    """Save what a request made and, under its key, the answer, in one transaction.

    None when saved; the winner's answer when a concurrent request under the same key saved
    first. Any other conflict propagates.
    """
    if key:
        recorded = IdempotentAnswer(
            user_id=filer.user_id, key=key, fingerprint=fingerprint, answer=answer
        )
        pending = [*pending, recorded]
    try:
        app.save(*pending)
    except IntegrityError:
        if key and (replay := _replay(app, filer, key, fingerprint)):
            return replay
        raise
    return None


def _by_the_unit(app: IntakeApplication, draft: InformationDraft, filer: Principal) -> bool:
    """Whether this is the unit's own report (本单位报告, Art. 23)."""
    if draft.channel != "officer_report":
        return False
    if filer.unit_code == draft.unit_code:
        return True
    officer = app.officer_of(filer.user_id)
    return officer is not None and draft.unit_code in officer.units_at(app.clock.now())


def inbox(app: IntakeApplication, who: Principal, within: str) -> list[RiskInformation]:
    """The cases a role works on, in the subtree of `within` (工作台, Art. 22–24).

    Officers see what they filed; the judgement group sees what this node handles;
    the office and auditors see everything, custodians the cases with a protected source.
    """
    app.unit(within, "unit_code")
    return [
        c for c in app.view.cases() if app.org.is_within(c.unit_code, within) and concerns(who, c)
    ]


def concerns(who: Principal, case: RiskInformation) -> bool:
    """Whether the case is one `who`'s role works on (the inbox's rule, and who reads a case)."""
    if who.has_any((Role.OFFICE, Role.AUDITOR)):
        return True
    if Role.JUDGE in who.roles and case.routing == RoutingOutcome.ACCEPTED:
        return True
    if Role.CUSTODIAN in who.roles and case.has_protected_source:
        return True
    return Role.OFFICER in who.roles and case.filed_by.get("user_id") == who.user_id


def readable(
    app: IntakeApplication, who: Principal, information_id: UUID, what: str = "case"
) -> RiskInformation:
    """The case, if `who` may read it: within their subtree and one their role works on.

    Otherwise 404 in the same words as for an id that does not exist: an external information
    officer who computes a petition's id learns nothing of it (security review M2). Every read
    of a case with a protected source, shown or refused, is kept (Art. 22; `record_read`).
    """
    case = app.find(information_id, RiskInformation)
    shown = case is not None and (
        app.org.is_within(case.unit_code, who.unit_code) and concerns(who, case)
    )
    if case is not None and case.has_protected_source:
        record_read(app, who, information_id, what, shown=shown)
    if case is None or not shown:
        raise NotFound(
            f"没有您可查阅的案件 {information_id} (no case {information_id} that you may read)"
        )
    return case
