"""Screening by jurisdiction, 谁主管、谁负责 (Art. 24): accept, forward 批转, or transfer 移送."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from services.intake.domain import ACCEPTED, FORWARDED, TRANSFERRED

if TYPE_CHECKING:
    from collections.abc import Sequence

DISCIPLINE_INSPECTION = "discipline_inspection"  # 纪检监察机关


@dataclass(frozen=True)
class Route:
    """Where a piece of information goes and why."""

    decision: str
    to_node: str
    reason: str


def screen(chain: Sequence[tuple[str, str]], node_id: str) -> Route:
    """Decide from the unit and its ancestors as (code, managing node) pairs, unit first.

    Own node manages the unit: accept. Own node manages a unit above it: the unit's node is
    lower, forward. Otherwise the unit belongs to a higher or other body: transfer to its node.
    """
    code, manager = chain[0]
    if manager == node_id:
        return Route(ACCEPTED, node_id, f"{code} 由本级 {node_id} 主管，直接处理（谁主管、谁负责）")
    if any(above == node_id for _, above in chain[1:]):
        return Route(FORWARDED, manager, f"{code} 由下级 {manager} 主管，批转并跟踪督办")
    return Route(TRANSFERRED, manager, f"{code} 不属本级 {node_id} 管辖，移送 {manager}")
