"""The base of every service's Application: effectively-once intake of upstream events.

Two guards against duplicates (architecture: Consistency). A consumer redelivery carries the same
topic/partition/offset: the tracking record written in the same transaction catches it. A relay
that re-sends after a crash puts a second copy at a new offset: the `Receipt` aggregate, whose id is
derived from the upstream event id (ce_id), catches that one, so the second copy changes nothing.

Its store always keeps the hash chain over its events (shared/audit/recorders.py), however it
was opened. Every event recorded under a service's application carries the time of its clock,
not the wall clock's (shared/event_clock.py): the application stamps with its clock while it
takes an upstream event in and while any of its public methods (its commands) runs.
"""

from __future__ import annotations

import functools
import inspect
import weakref
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.domain import Aggregate, event
from eventsourcing.persistence import ProcessRecorder
from eventsourcing.system import ProcessApplication

from shared.audit.case_index import file_event
from shared.errors import Forbidden, Invalid, NotFound
from shared.event_clock import install as install_event_clock
from shared.event_clock import stamping
from shared.grants import GRANT_EVENTS, DirectoryGrants
from shared.jurisdiction import Scope, ensure_manages, has_jurisdiction
from shared.org_follow import ORG_EVENTS, OrgFollower
from shared.orgtree import UnknownUnit
from shared.projection import LogFollower, event_topics
from shared.revocation import REVOCATION_EVENTS, RevocationFollower
from shared.store import with_chain
from shared.vocabulary import ActorRecord

if TYPE_CHECKING:
    from collections.abc import Callable

    from eventsourcing.application import ProcessingEvent
    from eventsourcing.domain import DomainEventProtocol
    from eventsourcing.persistence import Tracking
    from eventsourcing.utils import Environment, EnvType

    from shared.auth import Principal, Role
    from shared.clock import Clock
    from shared.events import CloudEvent
    from shared.jurisdiction import Node
    from shared.orgtree import OrgDirectory, OrgUnit

_A = TypeVar("_A")

RECEIPT_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:receipt")


class Rejected(Exception):
    """An upstream event the domain refuses (unknown unit, impossible state): a dead letter."""


class Receipt(Aggregate):
    """An upstream event this service has taken in, once (proof of effectively-once consumption).

    Keyed by the event's source *and* id (`keyed_id`): an id is unique only within its source,
    and a source is bound to its topic's principal (shared/provenance.py), so no other principal
    can publish a real event's id first and make the real event be dropped as its copy (review
    C2, issue #17 item 3). Receipts recorded before that carry the id of the ce_id alone
    (`create_id`); they still recognise their events' copies, and none is recorded so any more.
    """

    @staticmethod
    def create_id(ce_id: str, **_: Any) -> UUID:
        return uuid5(RECEIPT_NAMESPACE, ce_id)

    @staticmethod
    def keyed_id(ce_source: str, ce_id: str) -> UUID:
        return uuid5(RECEIPT_NAMESPACE, f"{ce_source}\n{ce_id}")

    @classmethod
    def of(cls, upstream: CloudEvent, position: str) -> Receipt:
        """The receipt of an upstream event, under its source-and-id key."""
        return cls._create(
            cls.Received,
            id=cls.keyed_id(upstream.source, upstream.id),
            ce_id=upstream.id,
            ce_type=upstream.type,
            subject=upstream.subject,
            position=position,
        )

    @classmethod
    def taken(cls, upstream: CloudEvent, repository: Any) -> bool:
        """Whether this very event (its source and id) was taken in before, receipts recorded
        before the upgrade included."""
        keyed = cls.keyed_id(upstream.source, upstream.id)
        return keyed in repository or cls.create_id(upstream.id) in repository

    class Received(Aggregate.Created):
        ce_id: str
        ce_type: str
        subject: str
        position: str

    @event(Received)
    def __init__(self, ce_id: str, ce_type: str, subject: str, position: str) -> None:
        self.ce_id = ce_id
        self.ce_type = ce_type
        self.subject = subject
        self.position = position


def actor_of(principal: Principal, prefer: str = "office") -> ActorRecord:
    """Who acted, as stored in events: the preferred role if held, else the first role held."""
    roles = sorted(r.value for r in principal.roles)
    role = prefer if prefer in roles else (roles[0] if roles else "unknown")
    return {"user_id": principal.user_id, "role": role, "unit_code": principal.unit_code}


# The records a refusal names (`load`'s `what`), in the words of the console's screens: a 404
# reaches officials, who read Chinese (issue #16); a record not listed is named in general.
_RECORD_ZH = {
    "account": "账户",
    "case": "案件",
    "officer": "信息员",
    "power": "职权",
    "proposal": "处置提请",
    "reported information": "报送的廉政风险信息",
    "reporting breach": "信息报送违规记录",
    "reporting duty": "信息报送职责",
    "risk information": "廉政风险信息",
    "risk point": "风险点",
    "warning": "预警",
    "thread": "答复记录",
    "inspection": "检查",
    "recognition": "奖惩记录",
    "survey round": "社会评议",
}


def _not_found(what: str, aggregate_id: UUID) -> str:
    """The 404 of a record nobody can find: in Chinese, then the English as before."""
    return f"未找到{_RECORD_ZH.get(what, '该记录')} {aggregate_id} (no {what} {aggregate_id})"


_F = TypeVar("_F", bound="Callable[..., Any]")


_STAMPED: weakref.WeakSet[Callable[..., Any]] = weakref.WeakSet()
"""Methods wrapped already (a subclass of a service's application finds its parent's)."""


def _stamped(method: _F) -> _F:
    """The method, run with its application's clock stamping the events it creates."""

    @functools.wraps(method)
    def run(self: ServiceApplication, *args: Any, **kwargs: Any) -> Any:
        clock = getattr(self, "clock", None)  # None while eventsourcing constructs the app
        if clock is None:
            return method(self, *args, **kwargs)
        with stamping(clock):
            return method(self, *args, **kwargs)

    _STAMPED.add(run)
    return cast("_F", run)


class ServiceApplication(ProcessApplication[UUID]):
    """One bounded context's application: commands from the API, reactions to upstream events."""

    follows_org: ClassVar[bool] = True
    """Whether the service keeps its tree current from the registers' unit events (every node's
    register but its own: what it registers itself is in its own store already)."""

    scope: ClassVar[Scope] = Scope.MANAGED
    """Which units' upstream events this service takes in on a node (shared/jurisdiction.py)."""

    follows_roles: ClassVar[frozenset[Role]] = frozenset()
    """The directory's roles whose grants the service keeps to check who held a post at a
    moment (shared/grants.py): the register's leaders and judges, the intake's leaders and
    officers (Art. 14, 22, 23, 25)."""

    keeps_case_index: ClassVar[bool] = False
    """Whether its worker files every event it takes in on the case-timeline index, its own
    coming back from Kafka and other nodes' included (shared/audit/case_index.py, review H3)."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Each public method a service's application defines (a command) stamps with its clock.

        That is every public function the class has from its own body or a mixin, up to
        ServiceApplication; it is wrapped on this class, the mixin itself stays as it was.
        """
        super().__init_subclass__(**kwargs)
        own = cls.__mro__[: cls.__mro__.index(ServiceApplication)]
        for name in {name for klass in own for name in vars(klass)}:
            value = inspect.getattr_static(cls, name)
            if name.startswith("_") or not inspect.isfunction(value):
                continue
            if value not in _STAMPED:
                setattr(cls, name, _stamped(value))

    def __init__(
        self, env: dict[str, str] | None = None, *, clock: Clock, org: OrgDirectory
    ) -> None:
        install_event_clock()
        super().__init__(env)
        self.clock = clock
        self.org = org
        self.org_follower = OrgFollower(self, org)
        # Suspended accounts and revoked keys, as the console published them (issue #14).
        self.revocations = RevocationFollower(self)
        # Who held which post for which unit, as the console published the grants (issue #14).
        self.directory = DirectoryGrants(self, self.follows_roles)
        self.node: Node | None = None  # every node's events until `bind_node` (tests, tools)
        self.own_source: str | None = None
        if self.follows_org:
            self.org_follower.catch_up()  # units learned before a restart
            org.refresh_with(self.org_follower.catch_up)  # every route knows a new unit at once

    def close(self) -> None:
        """Close the store; the tree no longer asks this application to catch up."""
        self.org.stop_refreshing_with(self.org_follower.catch_up)
        super().close()

    def bind_node(self, node: Node, source: str) -> None:
        """Serve one node: take in only what lies within its jurisdiction (Art. 7, 27).

        `source` is this service's CloudEvents source on the node: its own events coming back
        from Kafka are never taken in again.
        """
        self.node = node
        self.own_source = source

    def construct_env(self, name: str, env: EnvType | None = None) -> Environment:
        """The store's environment, always with the hash-chaining recorder (Art. 23).

        Production opens it so already (shared/store.py); tests and tools that hand in a plain
        `eventsourcing.popo` or `eventsourcing.sqlite` get the same recorder production uses.
        """
        found = super().construct_env(name, env)
        named = ("PERSISTENCE_MODULE", "PROCESS_RECORDER_TOPIC")
        found.update(with_chain({key: value for key in named if (value := found.get(key))}))
        return found

    @property
    def process_recorder(self) -> ProcessRecorder:
        assert isinstance(self.recorder, ProcessRecorder)
        return self.recorder

    def process_event(self, domain_event: DomainEventProtocol[UUID], tracking: Tracking) -> None:
        """Take one upstream event in; what it records carries this application's clock time."""
        with stamping(self.clock):
            super().process_event(domain_event, tracking)

    def policy(
        self, domain_event: DomainEventProtocol[UUID], processing_event: ProcessingEvent[UUID]
    ) -> None:
        """Record a receipt for an upstream event, once; then let the service react to it."""
        # Upstream events are public CloudEvents handed in by the Inbox, not stored events.
        upstream = cast("CloudEvent", domain_event)
        if self.keeps_case_index:
            file_event(self, upstream, processing_event)  # whoever it concerns: auditors read all
        if not self.takes_in(upstream):
            return  # not for this service or not this node's: only the position moves on
        if Receipt.taken(upstream, self.repository):
            return  # a second copy of an event already taken in: nothing changes
        tracking = processing_event.tracking
        position = f"{tracking.application_name}@{tracking.notification_id}" if tracking else "-"
        receipt = Receipt.of(upstream, position)
        processing_event.collect_events(receipt)
        if isinstance(upstream, ORG_EVENTS):
            self.org_follower.record(upstream, processing_event)
            return
        if isinstance(upstream, REVOCATION_EVENTS):
            self.revocations.record(upstream, processing_event)
            return
        if self.directory.follows(upstream):
            assert isinstance(upstream, GRANT_EVENTS)
            self.directory.record(upstream, processing_event)
            return
        if self.follows_org:
            self.org_follower.catch_up()
        self.react(upstream, processing_event)

    def takes_in(self, upstream: CloudEvent) -> bool:
        """Whether this service on this node takes an upstream event in (Art. 7, 27, 31).

        Unit news from any other service or node, when the service follows the tree; the
        console's suspensions and revoked keys, always (shared/revocation.py); else what
        it `concerns()` itself with and its node has jurisdiction over (shared/jurisdiction.py).
        """
        if self.own_source is not None and upstream.source == self.own_source:
            return False  # its own event, back from Kafka
        if isinstance(upstream, ORG_EVENTS):
            return self.follows_org
        if isinstance(upstream, REVOCATION_EVENTS):
            return True  # the whole district's accounts and keys: every service, every node
        if self.directory.follows(upstream):
            return True  # the posts its rules name, whatever the unit (checked when asked)
        if not self.concerns(upstream):
            return False
        return self.node is None or has_jurisdiction(self.org, self.node, upstream, self.scope)

    def unit(self, code: str, field: str = "unit_code") -> OrgUnit:
        """A unit of the tree; Invalid naming `field` if nobody knows it (Art. 5)."""
        if self.follows_org:
            self.org_follower.catch_up()
        try:
            return self.org.get(code)
        except UnknownUnit:
            raise Invalid(
                field, f"没有单位代码为 {code!r} 的单位 (unknown unit {code!r})"
            ) from None

    def units_within(self, within: str) -> set[str]:
        """The codes of the subtree of `within`; Invalid naming `within` if nobody knows it."""
        return {u.code for u in self.org.subtree(self.unit(within, "within").code)}

    def ensure_within(self, principal: Principal, unit_code: str, field: str = "unit_code") -> None:
        """Refuse a unit outside the caller's subtree (403), or unknown to the tree (422)."""
        self.unit(unit_code, field)
        mine = principal.unit_code
        if not self.org.is_within(unit_code, mine):
            raise Forbidden(
                f"单位 {unit_code} 不在您的管辖范围（{mine} 及其所属单位）内 "
                f"(unit {unit_code} is outside your jurisdiction (the subtree of {mine}))"
            )

    def ensure_manages(
        self,
        principal: Principal,
        unit_code: str,
        field: str = "unit_code",
        *,
        or_root: bool = False,
    ) -> None:
        """For a command: `unit_code` lies in the caller's subtree (403; unknown: 422) and is one
        this node manages (403, Art. 7, 31; shared/jurisdiction.py `ensure_manages`)."""
        self.ensure_within(principal, unit_code, field)
        ensure_manages(self.org, self.node, unit_code, or_root=or_root)

    def find(self, aggregate_id: UUID, kind: type[_A]) -> _A | None:
        """The aggregate of that id if it exists and is a `kind`, else None."""
        # One read: `id in repository` would replay the aggregate only to throw it away.
        try:
            aggregate: object = self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            return None
        return aggregate if isinstance(aggregate, kind) else None

    def load(self, aggregate_id: UUID, kind: type[_A], what: str) -> _A:
        """The aggregate of that id and kind; NotFound (404) naming `what` otherwise."""
        found = self.find(aggregate_id, kind)
        if found is None:
            raise NotFound(_not_found(what, aggregate_id))
        return found

    def load_within(
        self, principal: Principal, aggregate_id: UUID, kind: type[_A], what: str
    ) -> _A:
        """The aggregate (one with a `unit_code`) if it lies within the caller's subtree (Art. 7);
        else the very 404 of an id that does not exist, so that a route tells nobody outside
        the subtree whether it exists (403 and 404 indistinguishable, issue #17 item 3)."""
        found = self.find(aggregate_id, kind)
        unit_code = getattr(found, "unit_code", None)
        if (
            found is None
            or unit_code is None
            or not self.org.is_within(unit_code, principal.unit_code)
        ):
            raise NotFound(_not_found(what, aggregate_id))
        return found

    def concerns(self, upstream: CloudEvent) -> bool:
        """Whether an upstream event is for this service at all (override to filter)."""
        return True

    def react(self, upstream: CloudEvent, processing_event: ProcessingEvent[UUID]) -> None:
        """Turn an upstream public event into this service's own events (override per service)."""

    def count_receipts(self) -> int:
        """How many distinct upstream events this service has taken in."""
        return sum(len(page) for page in LogFollower(self, event_topics(Receipt)).pages())
