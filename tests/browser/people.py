"""The people of the browser tests' district: one account per role the console serves, with the
tests' password and, for the roles that sign in with a second factor, a known authenticator."""

from __future__ import annotations

from dataclasses import dataclass

from shared.auth import Principal, Role

PASSWORD = "Qingxin-2026-lianfang"
# Fixed authenticator secrets (base32), enrolled as an admin would hand them over.
OFFICE_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
CUSTODIAN_TOTP_SECRET = "KRUGS4ZANFZSAYJAONSWG4TFOQQGW2LF"
ADMIN_TOTP_SECRET = "MFSG22LOEBQWC3DNNFXCAZLMNRXSA2LU"


@dataclass(frozen=True)
class Person:
    user_id: str
    name: str
    unit_code: str
    grants: tuple[tuple[Role, str], ...]
    totp_secret: str | None = None


OFFICE = Person("u-qx-office", "张伟", "QX", ((Role.OFFICE, "QX"),), OFFICE_TOTP_SECRET)
NEW_OFFICE = Person("u-th-office", "王预防", "QX-TH", ((Role.OFFICE, "QX-TH"),))
SJ_HEAD = Person("u-sj-head", "李局长", "QX-SJ", ((Role.LEADER, "QX-SJ"),))
SJ_DEPUTY = Person("u-sj-deputy", "赵副局长", "QX-SJ", ((Role.LEADER, "QX-SJ"),))
CZ_HEAD = Person("u-cz-head", "钱局长", "QX-CZ", ((Role.LEADER, "QX-CZ"),))
"""区财政局's head: the superior business department of the towns' finance offices (Art. 27)."""
JUDGE = Person("u-qx-judge", "陈研判", "QX", ((Role.JUDGE, "QX"),))
OFFICER = Person("u-qx-officer", "刘信息员", "QX", ((Role.OFFICER, "QX"),))
CUSTODIAN = Person(
    "u-qx-custodian", "周保管员", "QX", ((Role.CUSTODIAN, "QX"),), CUSTODIAN_TOTP_SECRET
)
AUDITOR = Person("u-qx-auditor", "吴审计", "QX", ((Role.AUDITOR, "QX"),))
ADMIN = Person("u-qx-admin", "郑管理员", "QX", ((Role.ADMIN, "QX"),), ADMIN_TOTP_SECRET)
PEOPLE = (OFFICE, NEW_OFFICE, SJ_HEAD, SJ_DEPUTY, JUDGE, OFFICER, CUSTODIAN, AUDITOR, ADMIN)
"""Everyone with an account in the browser tests' console (NEW_OFFICE has no authenticator yet:
it is asked to enrol one)."""

SETUP = Principal("u-setup", frozenset({Role.ADMIN}), "QX", "建账管理员")
"""Who opens the accounts before the console starts."""
