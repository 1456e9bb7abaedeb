"""Reading accounts for bulk import from CSV, row by row, noting every problem (Art. 6).

The header names the columns user_id, name, unit_code (required) and posts, roles (optional).
Posts 职务 and roles are lists in one cell, separated by ';' (or '；' or '|'). A role is granted for
the row's unit, or for the unit named after '@' (`custodian@QX-TH`: the custodian grant names the
unit whose petitioners it may reveal, Art. 22). A row is numbered by its line in the file (the
header is line 1), as a spreadsheet shows it.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from services.console.accounts.model import USER_ID_PATTERN
from shared.auth import Role
from shared.bounds import text_problem

REQUIRED = ("user_id", "name", "unit_code")
OPTIONAL = ("posts", "roles")
_SEPARATORS = re.compile(r"[;；|]")
_USER_ID = re.compile(USER_ID_PATTERN)
_ROLES = " · ".join(r.value for r in Role)


@dataclass(frozen=True)
class RowProblem:
    """One thing wrong with one row of an import (row 1 with field `columns`: the header)."""

    row: int
    field: str
    reason: str


@dataclass(frozen=True)
class AccountDraft:
    """An account to open, with the roles to grant it at once: (role, unit) pairs."""

    user_id: str
    name: str
    unit_code: str
    posts: tuple[str, ...] = ()
    grants: tuple[tuple[Role, str], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ImportRow:
    """A row read from the file: its line and the account it describes, if it could be read."""

    row: int
    draft: AccountDraft | None
    problems: tuple[RowProblem, ...] = ()


class ImportRejected(Exception):
    """An import with bad rows: nothing was imported; every problem is listed."""

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
        if None in raw:
            problem = RowProblem(
                line, "columns", "单元格多于表头的列数 (more cells than the header has columns)"
            )
            rows.append(ImportRow(line, None, (problem,)))
            continue
        cells = {k.strip(): (v or "").strip() for k, v in raw.items() if k is not None}
        rows.append(_row(line, cells))
    return rows


def _check_columns(header: list[str]) -> None:
    missing = [c for c in REQUIRED if c not in header]
    unknown = [c for c in header if c not in REQUIRED + OPTIONAL]
    problems = [RowProblem(1, "columns", f"缺少列 {c} (missing column {c})") for c in missing]
    problems += [
        RowProblem(1, "columns", f"无法识别的列 {c} (unknown column {c})") for c in unknown
    ]
    if problems:
        raise ImportRejected(problems)


_UNCAPPED = 10**9


def _split(cell: str) -> list[str]:
    return [part.strip() for part in _SEPARATORS.split(cell) if part.strip()]


def _row(line: int, cells: dict[str, str]) -> ImportRow:
    """One account from one row's cells; a problem for each cell that cannot be read."""
    problems = []
    user_id, name, unit = cells.get("user_id", ""), cells.get("name", ""), cells.get("unit_code")
    if not _USER_ID.match(user_id):
        reason = (
            "1–64 个字符，由字母、数字或 . _ @ - 组成，以字母或数字开头 "
            "(1–64 letters, digits or . _ @ -, starting with a letter or digit)"
        )
        problems.append(RowProblem(line, "user_id", reason))
    if not name:
        problems.append(RowProblem(line, "name", "请填写姓名 (required text (姓名))"))
    elif len(name) > 100:
        problems.append(RowProblem(line, "name", "至多 100 个字符 (at most 100 characters)"))
    if not unit:
        problems.append(
            RowProblem(line, "unit_code", "请填写账户所在单位 (required: the account's unit)")
        )
    posts = _split(cells.get("posts", ""))
    if any(len(p) > 100 for p in posts):
        problems.append(
            RowProblem(line, "posts", "每个职务至多 100 个字符 (each post at most 100 characters)")
        )
    # The name's and posts' lengths are checked above; here their characters, as the form's.
    texts = [("unit_code", unit or "", 50), ("roles", cells.get("roles", ""), 2000)]
    texts += [("name", name, _UNCAPPED)] + [("posts", post, _UNCAPPED) for post in posts]
    for column, value, cap in texts:
        problem = text_problem(value, cap)
        if problem:
            problems.append(RowProblem(line, column, problem))
    grants: list[tuple[Role, str]] = []
    for entry in _split(cells.get("roles", "")):
        role_name, _, for_unit = entry.partition("@")
        try:
            role = Role(role_name.strip())
        except ValueError:
            problems.append(
                RowProblem(
                    line,
                    "roles",
                    f"无法识别的角色 {role_name!r}，可用的角色：{_ROLES} "
                    f"(unknown role {role_name!r}: {_ROLES})",
                )
            )
            continue
        grants.append((role, for_unit.strip() or (unit or "")))
    if problems or not unit:
        return ImportRow(line, None, tuple(problems))
    return ImportRow(line, AccountDraft(user_id, name, unit, tuple(posts), tuple(grants)))
