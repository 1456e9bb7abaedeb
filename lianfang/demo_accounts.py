"""The demo district's accounts: who signs in to the console of 清新区 (QX) and 太和镇 (QX-TH).

For each of the two units: a prevention-office member 预防腐败室 (office), an information officer
信息员 (officer), a judgement group 研判小组 of three (judge; the district's are the very users the
demo's case is judged by, lianfang/demo_chain.py GROUP), the leadership team 领导班子 (leader; the
org tree's own team ids), a custodian of petitioners' identities 举报人信息保管员, an auditor and an
admin 管理员. Every account has the demo password; the privileged roles (office, custodian, admin)
sign in with a second factor, whose demo authenticator secret is printed by `lianfang run`.

They are opened in the district console's store (one issuer for the whole district, Art. 6, 7)
by the loader acting as the district's admin, before the console starts; a re-run opens only what
is missing. Dev mode only: the password and the secret are public.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from lianfang.demo_chain import GROUP, GROUP_AUTHORITY
from services import registry
from services.console.accounts.imports import AccountDraft
from services.console.accounts.model import Account, account_id_of
from services.console.app import ConsoleApplication
from shared.application import actor_of
from shared.auth import Principal, Role
from shared.runtime import Runtime

if TYPE_CHECKING:
    from shared.settings import CommonSettings

DEMO_PASSWORD: Final = "LianFang#2026"  # noqa: S105 - public on purpose: the demo's
"""Every demo account's password (dev only; 12+ characters of 3 classes, GB/T 22239-2019)."""

DEMO_TOTP_SECRET: Final = "LIANFANGDEMOTOTPSECRETQXTWOSIXAB"  # noqa: S105 - the demo's
"""The demo authenticator's secret (base32), enrolled for every privileged demo account."""

DEMO_AUTHORITY: Final = "清新纪发〔2026〕演示"
"""The (made-up) decision the demo accounts are opened on."""

LOADER = Principal("lianfang-demo", frozenset({Role.ADMIN}), "QX", "演示数据装载")
"""Who opens the demo accounts: the district's admin, as the demo loader."""

PRIVILEGED: Final = frozenset({Role.OFFICE, Role.CUSTODIAN, Role.ADMIN})
"""Roles that sign in with a second factor (issue #14 item 2)."""


@dataclass(frozen=True)
class DemoAccount:
    """One demo person: user id, name, unit, post, and the role held for that unit."""

    user_id: str
    name: str
    unit_code: str
    post: str
    role: Role

    @property
    def draft(self) -> AccountDraft:
        return AccountDraft(
            self.user_id, self.name, self.unit_code, (self.post,), ((self.role, self.unit_code),)
        )


def _unit(code: str, short: str, team: tuple[tuple[str, str, str], ...],
          judges: tuple[str, ...], office: str) -> tuple[DemoAccount, ...]:  # fmt: skip
    people = [
        DemoAccount(office, f"{short}预防腐败室主任", code, "预防腐败室主任", Role.OFFICE),
        DemoAccount(f"demo-{code.lower()}-officer", f"{short}信息员", code, "信息员", Role.OFFICER),
        *(
            DemoAccount(judge, f"{short}研判小组成员{n}", code, "研判小组成员", Role.JUDGE)
            for n, judge in enumerate(judges, start=1)
        ),
        *(DemoAccount(user, name, code, post, Role.LEADER) for user, name, post in team),
        DemoAccount(f"demo-{code.lower()}-custodian", f"{short}举报人信息保管员", code,
                    "信访室主任", Role.CUSTODIAN),
        DemoAccount(f"demo-{code.lower()}-auditor", f"{short}审计员", code, "审计员",
                    Role.AUDITOR),
        DemoAccount(f"demo-{code.lower()}-admin", f"{short}系统管理员", code, "系统管理员",
                    Role.ADMIN),
    ]  # fmt: skip
    return tuple(people)


def _leadership(code: str, team: tuple[tuple[str, str, str], ...]) -> tuple[DemoAccount, ...]:
    """A unit's leadership team 领导班子 alone (Art. 14, 23): the bureaus whose risk points the
    register demo has approved (lianfang/demo_register.py) or whose reports the intake demo
    watches (lianfang/demo_intake.py)."""
    return tuple(DemoAccount(user, name, code, post, Role.LEADER) for user, name, post in team)


DEMO_ACCOUNTS: Final[tuple[DemoAccount, ...]] = (
    *_unit(
        "QX", "区",
        (("u-qx-secretary", "区纪委书记", "区纪委书记"),
         ("u-qx-deputy1", "区纪委副书记甲", "区纪委副书记"),
         ("u-qx-deputy2", "区纪委副书记乙", "区纪委副书记")),
        GROUP, "demo-qx-office",
    ),
    *_unit(
        "QX-TH", "太和镇",
        (("u-taihe-secretary", "太和镇党委书记", "党委书记"),
         ("u-taihe-mayor", "太和镇镇长", "镇长"),
         ("u-taihe-discipline", "太和镇纪委书记", "纪委书记")),
        ("demo-th-judge1", "demo-th-judge2", "demo-th-judge3"), "demo-office-QX-TH",
    ),
    *_leadership("QX-ZRZY", (("u-zrzy-head", "区自然资源局局长", "局长"),
                             ("u-zrzy-deputy", "区自然资源局副局长", "副局长"))),
    *_leadership("QX-SJ", (("u-sj-head", "区市场监管局局长", "局长"),
                           ("u-sj-deputy", "区市场监管局副局长", "副局长"))),
    *_leadership("QX-ZJ", (("u-zj-head", "区住建局局长", "局长"),
                           ("u-zj-deputy", "区住建局副局长", "副局长"))),
    # The intake demo's duty units (Art. 23: their principal leaders answer for breaches) and
    # its externally hired officer 外聘信息员 for 教育局 (Art. 22, lianfang/demo_intake.py).
    *_leadership("QX-JY", (("u-jy-head", "区教育局局长", "局长"),
                           ("u-jy-deputy", "区教育局副局长", "副局长"))),
    *_leadership("QX-WJ", (("u-wj-head", "区卫健局局长", "局长"),
                           ("u-wj-deputy", "区卫健局副局长", "副局长"))),
    *_leadership("QX-CZ", (("u-cz-head", "区财政局局长", "局长"),
                           ("u-cz-deputy", "区财政局副局长", "副局长"))),
    DemoAccount("demo-officer-jy", "陈外聘", "QX-JY", "外聘信息员", Role.OFFICER),
)  # fmt: skip
"""The demo district's people: the register demo's town office is demo-office-QX-TH, the intake
and assessment demos' district office demo-qx-office, the chain's judges demo-judge{,2,3}."""


def load_accounts_demo(app: ConsoleApplication) -> list[str]:
    """Open the demo accounts missing from the store, set their password and, for privileged
    roles, enrol the demo authenticator; the user ids opened (none on a re-run)."""
    opened = []
    by = actor_of(LOADER, "admin")
    for person in DEMO_ACCOUNTS:
        if app.find(account_id_of(person.user_id), Account) is None:
            app.open_account(person.draft, _authority(person), LOADER)
            opened.append(person.user_id)
        credential = app.credential(person.user_id)
        if credential is None:
            app.set_password(person.user_id, DEMO_PASSWORD, by)
            credential = app.credential(person.user_id)
        if person.role in PRIVILEGED and not (credential and credential.has_second_factor):
            app.enrol_known_secret(person.user_id, DEMO_TOTP_SECRET, by)
    return opened


def seed_console(common: CommonSettings) -> list[str]:
    """Open the demo accounts in the store of the console `common` describes (not running: the
    loader is the store's only writer); the user ids opened."""
    spec, settings = registry.load("console")
    runtime = Runtime(spec, settings(common=common))
    try:
        assert isinstance(runtime.app, ConsoleApplication)
        return load_accounts_demo(runtime.app)
    finally:
        runtime.close()


def _authority(person: DemoAccount) -> str:
    return GROUP_AUTHORITY if person.user_id in GROUP else DEMO_AUTHORITY


def sign_in_help(console_url: str) -> str:
    """How to sign in to the demo district, for `lianfang run`'s printout."""
    privileged = [p for p in DEMO_ACCOUNTS if p.role in PRIVILEGED]
    people = [
        f"  {p.user_id:<22} {p.role.value:<9} {p.role.label_zh} ({p.unit_code})"
        for p in DEMO_ACCOUNTS
    ]
    lines = [
        f"Sign in to the console at {console_url} with password {DEMO_PASSWORD} as:",
        *people,
        f"{', '.join(sorted({p.role.value for p in privileged}))} also need a dynamic code "
        f"(动态口令) from an authenticator holding the secret {DEMO_TOTP_SECRET}:",
        f"  python -c \"import pyotp; print(pyotp.TOTP('{DEMO_TOTP_SECRET}').now())\"",
    ]
    return "\n".join(lines)
