"""The organisation tree and the jurisdiction check built on it (Art. 5–7, 24).

"横向到边，纵向到底": every unit at every level has a place in one tree, district → towns and
departments → their units → village committees. A user may act on their own unit's subtree only;
a node handles the subtree it is responsible for.
"""

from __future__ import annotations

import json
import threading
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path


class UnknownUnit(KeyError):
    """A unit code that is not in the tree."""

    def __str__(self) -> str:
        return f"没有单位代码为 {self.args[0]!r} 的单位 (unknown unit {self.args[0]!r})"


@dataclass(frozen=True)
class OrgUnit:
    """One organisational unit as every service sees it."""

    code: str
    name: str
    kind: str
    parent_code: str | None
    managing_node_id: str
    principal_leader_id: str | None = None
    leadership_team_ids: tuple[str, ...] = field(default_factory=tuple)
    # 条块结合 (Art. 27): the superior business department that follows this unit's disposals.
    business_department: str | None = None


class OrgDirectory:
    """An in-memory read model of the tree, fed from the seed file and the register's events.

    Whoever lays recorded units over it (shared/org_follow.py) registers a refresh with
    `refresh_with`: a lookup of a code it does not know, and every subtree, first takes in the
    units recorded since, so every route knows a unit the moment it is registered (Art. 5).
    """

    def __init__(self, units: list[OrgUnit] | None = None) -> None:
        self._units: dict[str, OrgUnit] = {}
        self._lock = threading.Lock()
        self._refreshers: list[weakref.WeakMethod[Callable[[], None]]] = []
        self._refreshing = threading.local()
        for unit in units or []:
            self.put(unit)

    def refresh_with(self, catch_up: Callable[[], None]) -> None:
        """Run `catch_up` (a bound method, held weakly) before a miss or a subtree is answered."""
        self._refreshers.append(weakref.WeakMethod(catch_up))

    def stop_refreshing_with(self, catch_up: Callable[[], None]) -> None:
        """Forget a refresh registered with `refresh_with` (its application is closing)."""
        self._refreshers = [ref for ref in self._refreshers if ref() not in (None, catch_up)]

    def refresh(self) -> None:
        """Take in the units recorded since the last refresh (never re-entered by a refresher)."""
        if getattr(self._refreshing, "active", False):
            return
        self._refreshing.active = True
        try:
            for ref in list(self._refreshers):
                catch_up = ref()
                if catch_up is None:
                    self._refreshers.remove(ref)
                else:
                    catch_up()
        finally:
            self._refreshing.active = False

    @classmethod
    def from_json(cls, path: Path) -> OrgDirectory:
        """Load a seed file: {"units": [{"code", "name", "kind", "parent", "node", ...}]}."""
        raw = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            [
                OrgUnit(
                    code=u["code"],
                    name=u["name"],
                    kind=u["kind"],
                    parent_code=u.get("parent"),
                    managing_node_id=u["node"],
                    principal_leader_id=u.get("principal_leader"),
                    leadership_team_ids=tuple(u.get("leadership_team", [])),
                    business_department=u.get("business_department"),
                )
                for u in raw["units"]
            ]
        )

    def put(self, unit: OrgUnit) -> None:
        with self._lock:
            self._units[unit.code] = unit

    def get(self, code: str) -> OrgUnit:
        if code not in self._units:
            self.refresh()
        try:
            return self._units[code]
        except KeyError:
            raise UnknownUnit(code) from None

    def __contains__(self, code: object) -> bool:
        if code not in self._units:
            self.refresh()
        return code in self._units

    def __len__(self) -> int:
        return len(self._units)

    def codes(self) -> set[str]:
        """Every unit's code."""
        with self._lock:
            return set(self._units)

    def ancestors(self, code: str) -> Iterator[OrgUnit]:
        """The unit itself, then each parent up to the root."""
        seen: set[str] = set()
        current: str | None = code
        while current is not None and current not in seen:
            seen.add(current)
            unit = self.get(current)
            yield unit
            current = unit.parent_code

    def is_within(self, code: str, root: str) -> bool:
        """Whether `code` lies in the subtree rooted at `root` (a unit is within itself)."""
        return any(u.code == root for u in self.ancestors(code))

    def business_line(self, department: str) -> list[OrgUnit]:
        """The units whose superior business department 上级业务主管部门 is `department`: their
        disposals are reported to it (条块结合, Art. 27), whichever node manages them."""
        self.refresh()
        return [u for u in list(self._units.values()) if u.business_department == department]

    def subtree(self, root: str) -> list[OrgUnit]:
        """The units within `root`, each registered up to now."""
        self.refresh()
        return [u for u in list(self._units.values()) if self.is_within(u.code, root)]
