"""Names for ids: `GET /people?ids=a,b` (the browser: `/api/console/people`), and for unit
codes: `GET /unit-names?codes=a,b`.

Events name people by their staff id (who filed, graded, voted, owns a measure); the console
shows their names. Any signed-in person may ask for the names and units of up to 50 ids at a
time — what a colleague's name on a signed paper form shows, nothing more (no roles, no
contact). Ids with no account are left out. A petitioner is never an account (Art. 22).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from services.console.accounts.api import ConsoleApp
from services.console.bff.deps import ConsoleCaller
from shared.errors import Invalid
from shared.paging import paged

router = APIRouter(tags=["directory 名录"])

MAX_IDS = 50
MAX_ID_LENGTH = 64


class PersonName(BaseModel):
    user_id: str
    name: str
    unit_code: str
    unit_name: str


CommaSeparated = Annotated[
    str,
    Query(
        min_length=1,
        max_length=MAX_IDS * (MAX_ID_LENGTH + 1),
        description=f"Separated by commas, at most {MAX_IDS}.",
    ),
]


def _listed(raw: str, field: str) -> list[str]:
    """The distinct entries of a comma-separated query: at most MAX_IDS, each a short printable
    id or code (422 naming `field` otherwise)."""
    wanted = list(dict.fromkeys(entry.strip() for entry in raw.split(",") if entry.strip()))
    if len(wanted) > MAX_IDS:
        raise Invalid(field, f"每次至多 {MAX_IDS} 个 (at most {MAX_IDS} at a time)", "query")
    if any(len(entry) > MAX_ID_LENGTH or not entry.isprintable() for entry in wanted):
        raise Invalid(
            field,
            f"每项至多 {MAX_ID_LENGTH} 个可打印字符 "
            f"(each is at most {MAX_ID_LENGTH} printable characters)",
            "query",
        )
    return wanted


@router.get("/people", summary="The names and units of up to 50 staff ids (名录)")
@paged
def people(_: ConsoleCaller, app: ConsoleApp, ids: CommaSeparated) -> list[PersonName]:
    found = []
    for user_id in _listed(ids, "ids"):
        person = app.person(user_id)
        if person is None:
            continue
        unit = app.org.get(person.unit_code) if person.unit_code in app.org else None
        found.append(
            PersonName(
                user_id=person.user_id,
                name=person.name,
                unit_code=person.unit_code,
                unit_name=unit.name if unit else person.unit_code,
            )
        )
    return found


class UnitName(BaseModel):
    code: str
    name: str


@router.get("/unit-names", summary="The names of up to 50 unit codes (名录)")
@paged
def unit_names(_: ConsoleCaller, app: ConsoleApp, codes: CommaSeparated) -> list[UnitName]:
    """The organisation tree's names (Art. 5) for units a screen names outside the reader's own
    subtree — the level above, a superior business department 上级业务主管部门 a disposal is
    reported to (Art. 27, 29): a unit's name is what its public notices carry, nothing more.
    Unknown codes are left out."""
    wanted = _listed(codes, "codes")
    return [UnitName(code=c, name=app.org.get(c).name) for c in wanted if c in app.org]
