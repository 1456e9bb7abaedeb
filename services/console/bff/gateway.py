"""The console's front door in one process: sessions, the token each holds, the way to the services.

A session's token is short-lived (`token_ttl_minutes`, 10 by default) and renewed while the session
is in use: each renewal reads the account again, so a suspension, a withdrawn grant or a changed
unit takes effect at the next request at the latest — the services also refuse a suspended
person's tokens on their own (the console topic's AccountSuspended). The token's audience is every
node the person's grants reach; its roles are those granted at the person's own (acting) unit,
less the privileged ones when no second factor was used (GB/T 22239-2019 8.1.4.1 d).
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import httpx

from services.console.bff.sessions import Session, SessionStore
from shared.auth import AMR_OTP, AMR_PASSWORD, Role, TokenIssuer

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from services.console.app import ConsoleApplication
    from services.console.bff.settings import ProxySettings
    from services.console.settings import ConsoleSettings
    from services.console.signin.handlers import Person, SignedIn
    from services.console.signin.model import SignInRules
    from shared.clock import Clock
    from shared.orgtree import OrgDirectory


class FrontDoor:
    """Sessions, token minting and renewal, and the HTTP clients to this node's services."""

    def __init__(
        self,
        *,
        issuer: TokenIssuer,
        clock: Clock,
        org: OrgDirectory,
        node_id: str,
        person: Callable[[str], Person | None],
        proxy: ProxySettings,
        token_ttl: timedelta,
        rules: SignInRules,
        secure_cookies: bool = True,
    ) -> None:
        self.issuer = issuer
        self.clock = clock
        self.org = org
        self.node_id = node_id
        self.person = person
        self.proxy = proxy
        self.token_ttl = token_ttl
        self.rules = rules
        self.secure_cookies = secure_cookies
        self.sessions = SessionStore(clock, rules.idle_timeout)
        self._clients: dict[asyncio.AbstractEventLoop, httpx.AsyncClient] = {}

    # -- sessions ----------------------------------------------------------------------------

    def open(self, signed: SignedIn, *, enrolled: bool) -> tuple[str, Session]:
        """A new session for a person just signed in, with a fresh token."""
        roles = signed.roles
        amr = signed.amr or ((AMR_PASSWORD, AMR_OTP) if signed.second_factor else (AMR_PASSWORD,))
        token, expires = self._mint(signed.person, roles, amr)
        me = self.me(signed.person, roles, signed.withheld, enrolled=enrolled)
        return self.sessions.open(
            signed.person.user_id, token, expires, second_factor=signed.second_factor, me=me,
            amr=amr,
        )  # fmt: skip

    def live(self, session_id: str | None, *, activity: bool = True) -> Session | None:
        """The session of that id with a token valid for a while yet; None (and the session
        ended) when idle too long, or when the account may no longer sign in. A call that is no
        person's `activity` (background polling) does not keep the session alive."""
        session = self.sessions.get(session_id, touch=activity)
        if session is None:
            return None
        if session.token_expires_at - self.clock.now() > self.token_ttl / 2:
            return session
        person = self.person(session.user_id)
        if person is None or not person.active:
            self.sessions.end(session_id)
            return None
        withheld = frozenset[Role]()
        if not session.second_factor:
            withheld = person.roles_here & self.rules.second_factor_roles
        roles = person.roles_here - withheld
        session.token, session.token_expires_at = self._mint(person, roles, session.amr)
        session.me = self.me(person, roles, withheld, enrolled=bool(session.me["second_factor"]))
        return session

    def me(
        self, person: Person, roles: Iterable[Role], withheld: Iterable[Role], *, enrolled: bool
    ) -> dict[str, Any]:
        """What the console shows of the signed-in person (the `Me` of the console's API)."""
        unit = self.org.get(person.unit_code) if person.unit_code in self.org else None
        return {
            "user_id": person.user_id,
            "name": person.name,
            "unit_code": person.unit_code,
            "unit_name": unit.name if unit else person.unit_code,
            "roles": sorted(r.value for r in roles),
            "grants": [{"role": r.value, "unit_code": u} for r, u in person.grants],
            "second_factor": enrolled,
            "second_factor_required": self.rules.needs_second_factor(person.all_roles),
            "withheld_roles": sorted(r.value for r in withheld),
            "idle_timeout_seconds": int(self.sessions.idle_timeout.total_seconds()),
            "supervised_nodes": self.supervised_nodes(person.unit_code),
        }

    def supervised_nodes(self, unit_code: str) -> list[str]:
        """The root units of the other nodes whose disposals this unit supervises 分级监督 (Art.
        29: by cadre authority, the body directly above a node's root): the district's office
        and leaders over each town's node, reached through `/api/supervised/{root}/warning/…`."""
        return sorted(
            root
            for root in self.proxy.node_urls
            if root in self.org and self.org.get(root).parent_code == unit_code
        )

    def reporting_nodes(self, unit_code: str) -> list[str]:
        """The root units of the other nodes that dispose of units whose superior business
        department 上级业务主管部门 is this unit (条块结合, Art. 27): a district bureau follows its
        town offices' disposals in its inbox, on the towns' warning services."""
        home = self.node_of_unit(unit_code)
        nodes = {self.node_of_unit(u.code) for u in self.org.business_line(unit_code)}
        return sorted(root for root in nodes if root is not None and root != home)

    def node_of(self, session: Session) -> str | None:
        """The root unit of the node the person works on: the deepest of `node_urls` whose
        subtree holds their unit (a town's person, signed in at the district's one front door,
        works on the town's node); None: this node."""
        return self.node_of_unit(str(session.me.get("unit_code", "")))

    def node_of_unit(self, unit: str) -> str | None:
        """The root unit of the node a unit's people work on (see `node_of`); None: this node."""
        if unit not in self.org:
            return None
        roots = self.proxy.node_urls
        return next((u.code for u in self.org.ancestors(unit) if u.code in roots), None)

    def audience(self, person: Person) -> list[str]:
        """This node, every node managing a unit within a subtree the person's grants reach, and
        every node managing a unit whose disposals are reported to the person's unit as its
        superior business department (条块结合, Art. 27: it reads its inbox there)."""
        nodes = {self.node_id}
        for _, unit_code in person.grants:
            if unit_code in self.org:
                nodes |= {u.managing_node_id for u in self.org.subtree(unit_code)}
        nodes |= {u.managing_node_id for u in self.org.business_line(person.unit_code)}
        return sorted(nodes)

    def _mint(
        self, person: Person, roles: frozenset[Role], amr: tuple[str, ...]
    ) -> tuple[str, Any]:
        """A token of the person's roles here; its `amr` (RFC 8176) says how they signed in:
        `pwd` and `otp` when a TOTP code was verified, which the intake's reveal requires
        (Art. 22)."""
        token = self.issuer.mint(
            person.user_id,
            roles,
            person.unit_code,
            audience=self.audience(person),
            name=person.name,
            ttl=self.token_ttl,
            amr=amr,
        )
        return token, self.clock.now() + self.token_ttl

    # -- the way to the services -------------------------------------------------------------

    def client(self) -> httpx.AsyncClient:
        """The connection pool of the running event loop (one per loop: tests run several)."""
        loop = asyncio.get_running_loop()
        client = self._clients.get(loop)
        if client is None or client.is_closed:
            timeout = httpx.Timeout(
                self.proxy.read_timeout_seconds, connect=self.proxy.connect_timeout_seconds
            )
            client = httpx.AsyncClient(timeout=timeout, follow_redirects=False)
            self._clients[loop] = client
        return client

    async def aclose(self) -> None:
        loop = asyncio.get_running_loop()
        client = self._clients.pop(loop, None)
        if client is not None:
            await client.aclose()


def front_door(app: ConsoleApplication, settings: ConsoleSettings, clock: Clock) -> FrontDoor:
    """The front door of a console process, from its settings: the signing key (PEM file; the
    dev key in dev mode, refused missing otherwise), the rules, the services' addresses."""
    common, signin = settings.common, settings.signin
    key = signin.require_keys(common)
    issuer = TokenIssuer(
        key,
        common.jwt_issuer,
        clock,
        max_ttl=timedelta(hours=common.token_max_ttl_hours),
        also_published=signin.published_keys(),
    )
    return FrontDoor(
        issuer=issuer,
        clock=clock,
        org=app.org,
        node_id=common.node_id,
        person=app.person,
        proxy=settings.proxy,
        token_ttl=timedelta(minutes=signin.token_ttl_minutes),
        rules=app.signin.rules,
        secure_cookies=not common.dev_mode,
    )
