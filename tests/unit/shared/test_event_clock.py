"""Events recorded under a service's application carry its clock's time (shared/event_clock.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from uuid import UUID

from eventsourcing.domain import Aggregate, event
from fastapi import APIRouter, Request
from fastapi.testclient import TestClient

from shared.application import ServiceApplication
from shared.clock import ManualClock
from shared.envelope import to_record
from shared.event_clock import event_timestamp, stamping
from shared.http import create_api
from shared.inbox import Delivery, Inbox, Outcome
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED, Runtime, ServiceSpec
from shared.settings import CommonSettings, ServiceSettings
from tests.unit.shared.samples import risk_reported

if TYPE_CHECKING:
    from eventsourcing.application import ProcessingEvent

    from shared.clock import Clock
    from shared.events import CloudEvent

START = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)


class Note(Aggregate):
    @event("Written")
    def __init__(self, text: str) -> None:
        self.text = text

    @event("Amended")
    def amend(self, text: str) -> None:
        self.text = text


class NotesApp(ServiceApplication):
    follows_org = False

    def write(self, text: str) -> UUID:
        """A command: its events carry the application's clock time."""
        note = Note(text)
        self.save(note)
        return note.id

    def amend(self, note_id: UUID, text: str) -> None:
        note: Note = self.repository.get(note_id)
        note.amend(text)
        self.save(note)

    def react(self, upstream: CloudEvent, processing_event: ProcessingEvent[UUID]) -> None:
        processing_event.collect_events(Note(upstream.subject))


class Renaming:
    """A mixin of commands, as a service's application may still be assembled."""

    def rename(self: NotesApp, note_id: UUID, text: str) -> None:
        note: Note = self.repository.get(note_id)
        note.amend(text)
        self.save(note)


class MixedApp(Renaming, NotesApp):
    pass


def write_note(app: ServiceApplication, text: str) -> UUID:
    """A handler the way a route may call it: a plain function, not a method of the app."""
    note = Note(text)
    app.save(note)
    return note.id


def stamps(app: ServiceApplication) -> list[datetime]:
    """The timestamps of the stored events, in log order."""
    found = app.recorder.select_notifications(start=None, limit=100)
    return [app.mapper.to_domain_event(n).timestamp for n in found]


def notes_app(clock: Clock) -> NotesApp:
    org = OrgDirectory.from_json(DEFAULT_ORG_SEED)
    return NotesApp({"PERSISTENCE_MODULE": "eventsourcing.popo"}, clock=clock, org=org)


def test_commands_stamp_with_the_application_clock() -> None:
    clock = ManualClock(START)
    app = notes_app(clock)
    note_id = app.write("甲")
    clock.advance(timedelta(days=3))
    app.amend(note_id, "甲（改）")
    assert stamps(app) == [START, START + timedelta(days=3)]
    note: Note = app.repository.get(note_id)
    assert (note.created_on, note.modified_on) == (START, START + timedelta(days=3))


def test_a_mixin_command_and_an_inherited_one_stamp_alike() -> None:
    clock = ManualClock(START)
    org = OrgDirectory.from_json(DEFAULT_ORG_SEED)
    app = MixedApp({"PERSISTENCE_MODULE": "eventsourcing.popo"}, clock=clock, org=org)
    note_id = app.write("甲")
    clock.advance(timedelta(hours=1))
    app.rename(note_id, "乙")
    assert stamps(app) == [START, START + timedelta(hours=1)]
    assert MixedApp.write is NotesApp.write  # wrapped once, on the class that defines it
    assert Renaming.rename is not MixedApp.rename  # the mixin itself is left as it was


def test_taking_an_upstream_event_in_stamps_with_the_application_clock() -> None:
    clock = ManualClock(START)
    app = notes_app(clock)
    clock.advance(timedelta(hours=5))
    record = to_record(risk_reported())
    delivery = Delivery("t", 0, 0, record.key, record.value, tuple(record.headers))
    assert Inbox(app).take(delivery).outcome is Outcome.PROCESSED
    assert stamps(app) == [START + timedelta(hours=5)] * 2  # the receipt and the note


def test_a_handler_called_within_stamping_and_the_wall_clock_outside() -> None:
    clock = ManualClock(START)
    app = notes_app(clock)
    with stamping(clock):
        write_note(app, "甲")
    before = datetime.now(UTC)
    write_note(app, "乙")  # no clock set for this context: the wall clock, as eventsourcing does
    after = datetime.now(UTC)
    first, second = stamps(app)
    assert first == START
    assert before <= second <= after
    assert event_timestamp() >= second


def test_a_route_that_calls_a_handler_directly_stamps_with_the_runtime_clock() -> None:
    router = APIRouter()

    @router.post("/notes")
    def post_note(request: Request) -> dict[str, str]:
        app = request.app.state.runtime.app
        return {"id": str(write_note(app, "丙"))}

    spec = ServiceSpec(
        name="warning",
        title="Notes",
        application=lambda env, clock, org, _: NotesApp(env, clock=clock, org=org),
        translate=lambda _event, _origin: None,
        routers=lambda: [router],
        bearer_before_body=False,  # the route takes no token: what is tested is its clock
    )
    clock = ManualClock(START)
    runtime = Runtime(spec, ServiceSettings(common=CommonSettings(store="memory")), clock=clock)
    with TestClient(create_api(runtime)) as client:
        assert client.post("/notes").status_code == 200
        clock.advance(timedelta(minutes=1))
        assert client.post("/notes").status_code == 200
    assert stamps(runtime.app) == [START, START + timedelta(minutes=1)]
    runtime.close()
