"""Handlers that shape the organisation tree: register, change, import units (Art. 5–7, 14).

Every change is checked against the tree as it would stand afterwards: the parent exists, no unit
becomes its own ancestor, a town node's units stay with that node, and the caller's jurisdiction
covers the place. An import is checked whole — each row against the tree plus the rows before it —
and saved in one transaction, so it lands entirely or not at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from services.register.units.imports import ImportRejected, ImportRow, RowProblem
from services.register.units.model import OrgUnitEntry, UnitDraft, draft_of, problems
from shared.application import actor_of
from shared.auth import Role
from shared.errors import Conflict, Forbidden, Invalid, NotFound
from shared.grants import not_held

if TYPE_CHECKING:
    from services.register.app import RegisterApplication
    from shared.auth import Principal

Lookup = Callable[[str], UnitDraft | None]


@dataclass(frozen=True)
class ImportReport:
    """What an import did: units registered, changed, and left as they were (Art. 5)."""

    registered: list[str]
    changed: list[str]
    unchanged: list[str]


def known(app: RegisterApplication, code: str) -> UnitDraft | None:
    """The unit of that code as the tree has it now, as a draft; None if there is none."""
    return draft_of(app.org.get(code)) if code in app.org else None


def register_unit(app: RegisterApplication, draft: UnitDraft, by: Principal) -> None:
    """Enter a new unit in the tree under a parent within the caller's jurisdiction (Art. 5)."""
    if draft.code in app.org:
        raise Conflict(
            f"单位 {draft.code} 已存在，请修改该单位 "
            f"(unit {draft.code} already exists; change it instead)"
        )
    _raise_first(_tree_problems(app, draft, partial(known, app), by, new=True))
    entry = OrgUnitEntry.register(draft, seed=False, by=actor_of(by, "admin"), at=app.clock.now())
    app.save(entry)
    app.view.catch_up()  # lays the unit over the tree at once


def change_unit(app: RegisterApplication, draft: UnitDraft, by: Principal) -> list[str]:
    """Change a unit's name, kind, parent, node or leaders; the fields changed (Art. 5–7)."""
    current = known(app, draft.code)
    if current is None:
        raise NotFound(f"单位 {draft.code} 不存在 (no unit {draft.code})")
    _raise_first(_tree_problems(app, draft, partial(known, app), by, new=False))
    entry = _entry(app, current, by)
    changed = entry.change(draft, by=actor_of(by, "admin"), at=app.clock.now())
    if changed:
        app.save(entry)
        app.view.catch_up()
    return changed


def import_units(app: RegisterApplication, rows: list[ImportRow], by: Principal) -> ImportReport:
    """Register or change every unit of a file, or none: ImportRejected lists every problem."""
    staged: dict[str, UnitDraft] = {}
    first_row: dict[str, int] = {}
    found: list[RowProblem] = []

    def lookup(code: str) -> UnitDraft | None:
        return staged.get(code) or known(app, code)

    for row in rows:
        found += row.problems
        draft = row.draft
        if draft is None:
            continue
        if draft.code in first_row:
            first = first_row[draft.code]
            found.append(RowProblem(row.row, "code", f"与第 {first} 行重复 (also in row {first})"))
            continue
        first_row[draft.code] = row.row
        trouble = _tree_problems(app, draft, lookup, by, new=lookup(draft.code) is None)
        found += [RowProblem(row.row, field, reason) for field, reason in trouble]
        staged[draft.code] = draft
    if not rows:
        found.append(RowProblem(0, "file", "文件中没有单位 (no units in the file)"))
    if found:
        raise ImportRejected(found)
    return _apply(app, staged, by)


def _apply(app: RegisterApplication, staged: dict[str, UnitDraft], by: Principal) -> ImportReport:
    report = ImportReport([], [], [])
    entries = []
    now, actor = app.clock.now(), actor_of(by, "admin")
    for code, draft in staged.items():
        current = known(app, code)
        if current is None:
            entries.append(OrgUnitEntry.register(draft, seed=False, by=actor, at=now))
            report.registered.append(code)
            continue
        entry = _entry(app, current, by)
        if entry.change(draft, by=actor, at=now):
            entries.append(entry)
            report.changed.append(code)
        else:
            report.unchanged.append(code)
    if entries:
        app.save(*entries)  # one transaction: all or nothing
        app.view.catch_up()
    return report


def _entry(app: RegisterApplication, current: UnitDraft, by: Principal) -> OrgUnitEntry:
    """The unit's entry; a unit known only from the seed is adopted first."""
    found = app.find(OrgUnitEntry.create_id(current.code), OrgUnitEntry)
    if found is not None:
        return found
    return OrgUnitEntry.register(current, seed=True, by=actor_of(by, "admin"), at=app.clock.now())


def _tree_problems(
    app: RegisterApplication, draft: UnitDraft, lookup: Lookup, by: Principal, *, new: bool
) -> list[tuple[str, str]]:
    """What is wrong with `draft` in the tree as `lookup` sees it (Art. 5–7, 24)."""
    found = problems(draft) + _team_problems(app, draft, None if new else lookup(draft.code))
    mine = by.unit_code
    # Where the unit is now (a change) and where it would be: both within the caller's reach.
    here = [] if new else _ancestors(draft.code, lookup)
    if here and mine not in here:
        return [*found, ("code", _outside(mine))]
    parent_code = draft.parent_code
    if parent_code is None:
        current = None if new else lookup(draft.code)
        if current is None or current.parent_code is not None:
            found.append(
                (
                    "parent",
                    "请填写上级单位（只有区没有上级单位） "
                    "(give the parent unit; the district is the only root)",
                )
            )
        return found
    parent = lookup(parent_code)
    if parent is None:
        return [*found, ("parent", _unknown(parent_code))]
    chain = _ancestors(parent_code, lookup)
    if draft.code in chain:
        found.append(
            (
                "parent",
                f"{parent_code} 是 {draft.code} 的下属单位，不能作其上级单位 "
                f"({parent_code} lies within {draft.code}, not above it)",
            )
        )
    nodes = _nodes_for_children(app, parent)
    if nodes and draft.managing_node_id not in nodes:
        managed_by = ", ".join(nodes)
        found.append(
            (
                "node",
                f"{parent_code} 的下属单位由节点 {managed_by} 管理 "
                f"(units under {parent_code} are managed by {managed_by})",
            )
        )
    if mine not in chain:
        found.append(("parent", _outside(mine)))
    business = draft.business_department
    if business is not None and lookup(business) is None:
        found.append(("business_department", _unknown(business)))
    return found


_OUTSIDE_JURISDICTION = "超出管辖范围"
"""How a jurisdiction problem begins: the single-unit forms answer it with 403 (Art. 7)."""


def _outside(mine: str) -> str:
    return (
        f"{_OUTSIDE_JURISDICTION}（{mine} 及其下属单位） "
        f"(outside your jurisdiction (the subtree of {mine}))"
    )


def _unknown(code: str) -> str:
    return f"单位 {code!r} 不存在 (unknown unit {code!r})"


def _team_problems(
    app: RegisterApplication, draft: UnitDraft, current: UnitDraft | None
) -> list[tuple[str, str]]:
    """Each member who joins the leadership team 领导班子 (Art. 14) of a unit the tree has is an
    account of the directory holding the leader grant for the unit now: not a free string
    (docs/accounts.md). A new unit's team is listed in advance: the directory grants roles only
    for units the tree has, so its grants follow the registration — and until they do, nobody
    on the list votes or answers for a grading (risk_points `leadership_team`)."""
    if current is None:
        return []
    before = set(current.leadership_team_ids)
    now = app.clock.now()
    strangers = [
        member
        for member in draft.leadership_team_ids
        if member not in before and not app.directory.holds(member, Role.LEADER, draft.code, now)
    ]
    if not strangers:
        return []
    return [("leadership_team", "Art. 14: " + "; ".join(
        not_held(member, Role.LEADER, draft.code) for member in strangers
    ))]  # fmt: skip


def _nodes_for_children(app: RegisterApplication, parent: UnitDraft) -> list[str]:
    """The nodes that may manage a unit under `parent`; [] when any town node may (Art. 7).

    A unit is managed by its parent's node, or — under a town — by that town's own node,
    which the town's existing units show. A town without units yet may take any town node.
    """
    nodes = {parent.managing_node_id}
    if parent.code in app.org:
        nodes |= {u.managing_node_id for u in app.org.subtree(parent.code)}
    if parent.kind == "town" and nodes == {parent.managing_node_id}:
        return []
    return sorted(nodes)


def _ancestors(code: str, lookup: Lookup) -> list[str]:
    """`code` and each parent up to the root, as `lookup` sees the tree."""
    chain: list[str] = []
    current: str | None = code
    while current is not None and current not in chain:
        chain.append(current)
        unit = lookup(current)
        current = unit.parent_code if unit else None
    return chain


def _raise_first(found: list[tuple[str, str]]) -> None:
    """Refuse a single unit: 403 for jurisdiction, else 422 naming the first bad field."""
    for _, reason in found:
        if reason.startswith(_OUTSIDE_JURISDICTION):
            raise Forbidden(reason)
    if found:
        raise Invalid(*found[0])
