"""Reading units for bulk import from CSV or JSON, row by row, noting every problem (Art. 5).

Both forms carry the fields of the seed file: code, name, kind, parent, node, principal_leader,
leadership_team, business_department. In CSV the team is one cell, ids separated by ';' (or '；'
or '|'), and a row is numbered by its line in the file (the header is line 1), as a spreadsheet
shows it. In JSON the file is {"units": [...]} (the seed file's form) or a bare list, and a row is
numbered from 1.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from typing import Any

from services.register.units.model import UnitDraft
from shared.bounds import CODE_MAX, LIST_MAX, NAME_MAX, text_problem

REQUIRED = ("code", "name", "kind", "parent", "node")
OPTIONAL = ("principal_leader", "leadership_team", "business_department")
_TEAM_SEPARATORS = re.compile(r"[;；|]")


@dataclass(frozen=True)
class RowProblem:
    """One thing wrong with one row of an import (row 0: the file as a whole)."""

    row: int
    field: str
    reason: str


@dataclass(frozen=True)
class ImportRow:
    """A row read from the file: its number and the unit it describes, if it could be read."""

    row: int
    draft: UnitDraft | None
    problems: tuple[RowProblem, ...] = ()


class ImportRejected(Exception):
    """An import with bad rows: nothing was imported; every problem is listed (Art. 5)."""

    def __init__(self, problems: list[RowProblem]) -> None:
        super().__init__(f"{len(problems)} problem(s); nothing imported")
        self.problems = problems


def read_csv(text: str) -> list[ImportRow]:
    """Rows of a CSV file with a header line; ImportRejected if the header is unusable."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))  # Excel writes a BOM
    header = [h.strip() for h in reader.fieldnames or []]
    _check_columns(header)
    rows = []
    for line, raw in enumerate(reader, start=2):
        cleaned = {k.strip(): (v or "").strip() for k, v in raw.items() if k is not None}
        if None in raw:
            rows.append(
                _bad(
                    line,
                    "columns",
                    "该行单元格多于表头列数 (more cells than the header has columns)",
                )
            )
            continue
        team = [t.strip() for t in _TEAM_SEPARATORS.split(cleaned.get("leadership_team", ""))]
        row: dict[str, Any] = cleaned | {"leadership_team": [t for t in team if t]}
        rows.append(_row(line, row))
    return rows


def read_json(text: str) -> list[ImportRow]:
    """Rows of a JSON file, {"units": [...]} or a list; ImportRejected if it is not one."""
    try:
        loaded: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = f"不是有效的 JSON：{exc.msg}，位置 {exc.pos} (not JSON: {exc.msg} at {exc.pos})"
        raise ImportRejected([RowProblem(0, "file", problem)]) from None
    items = loaded.get("units") if isinstance(loaded, dict) else loaded
    if not isinstance(items, list):
        problem = '请提供 {"units": [...]} 或单位列表 (give {"units": [...]} or a list of units)'
        raise ImportRejected([RowProblem(0, "file", problem)])
    rows = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            rows.append(_bad(number, "row", "每个单位须为一个对象 (each unit is an object)"))
            continue
        unknown = sorted(set(item) - set(REQUIRED) - set(OPTIONAL))
        if unknown:
            fields = ", ".join(unknown)
            rows.append(
                _bad(number, unknown[0], f"未知字段：{fields} (unknown field(s): {fields})")
            )
            continue
        rows.append(_row(number, item))
    return rows


def _check_columns(header: list[str]) -> None:
    missing = [c for c in REQUIRED if c not in header]
    unknown = [c for c in header if c not in REQUIRED + OPTIONAL]
    problems = [RowProblem(1, "columns", f"缺少列 {c} (missing column {c})") for c in missing]
    problems += [RowProblem(1, "columns", f"未知列 {c} (unknown column {c})") for c in unknown]
    if problems:
        raise ImportRejected(problems)


_TEXT_CAPS = {
    "code": 40,
    "name": 100,
    "kind": CODE_MAX,
    "node": CODE_MAX,
    "parent": CODE_MAX,
    "principal_leader": CODE_MAX,
    "business_department": NAME_MAX,
}
"""Each text cell's cap, as the form's (services/register/units/api.py); all are one line."""


def _bad(row: int, field: str, reason: str) -> ImportRow:
    return ImportRow(row, None, (RowProblem(row, field, reason),))


def _row(number: int, raw: dict[str, Any]) -> ImportRow:
    """One unit from one row's cells; a problem for each cell of the wrong type."""
    problems = []
    for name in ("code", "name", "kind", "node"):
        if not isinstance(raw.get(name), str) or not raw[name].strip():
            problems.append(RowProblem(number, name, "必填 (required text)"))
    for name in ("parent", "principal_leader", "business_department"):
        if raw.get(name) not in (None, "") and not isinstance(raw.get(name), str):
            problems.append(RowProblem(number, name, "须为文字或留空 (text or empty)"))
    team = raw.get("leadership_team") or []
    if not isinstance(team, list) or not all(isinstance(t, str) for t in team):
        problems.append(RowProblem(number, "leadership_team", "须为工号列表 (a list of staff ids)"))
    elif len(team) > LIST_MAX:
        problems.append(
            RowProblem(
                number, "leadership_team", f"最多 {LIST_MAX} 个工号 (at most {LIST_MAX} staff ids)"
            )
        )
    if not problems:
        cells = [(name, raw.get(name) or "") for name in _TEXT_CAPS]
        cells += [("leadership_team", t) for t in team]
        for name, value in cells:
            problem = text_problem(value.strip(), _TEXT_CAPS.get(name, CODE_MAX))
            if problem:
                problems.append(RowProblem(number, name, problem))
    if problems:
        return ImportRow(number, None, tuple(problems))
    draft = UnitDraft(
        code=raw["code"].strip(),
        name=raw["name"].strip(),
        kind=raw["kind"].strip(),
        parent_code=(raw.get("parent") or "").strip() or None,
        managing_node_id=raw["node"].strip(),
        principal_leader_id=(raw.get("principal_leader") or "").strip() or None,
        leadership_team_ids=tuple(t.strip() for t in team),
        business_department=(raw.get("business_department") or "").strip() or None,
    )
    return ImportRow(number, draft)
