"""A feature's translations: each stored event class to its public event, the rest internal."""

from __future__ import annotations

from datetime import UTC, datetime

from eventsourcing.domain import Aggregate, event

from shared.events import Actor, PowerCharted, PowerChartedData
from shared.events.publish import Origin, Translations, public_envelope, public_event_id

ORIGIN = Origin("/lianfang/district/register", "district")
AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
OFFICE = Actor(user_id="u-th-office", role="office", unit_code="QX-TH")


class Chart(Aggregate):
    @event("Drawn")
    def __init__(self, steps: int) -> None:
        self.steps = steps

    @event("Noted")
    def note(self) -> None:
        pass


translate = Translations()


@translate.of(Chart.Drawn)
def drawn(e: Chart.Drawn, origin: Origin) -> PowerCharted:
    data = PowerChartedData(
        **origin.stamp("QX-TH", OFFICE, "Art. 11", AT),
        power_id=e.originator_id,
        flowchart_version=1,
        steps=e.steps,
    )
    return public_envelope(PowerCharted, e, origin, data=data)


def test_a_stored_event_of_a_translated_class_becomes_its_public_event() -> None:
    chart = Chart(steps=3)
    [drawn_event] = chart.collect_events()
    public = translate(drawn_event, ORIGIN)
    assert isinstance(public, PowerCharted)
    # Stamped on this node, timed when it occurred, keyed by the aggregate, the same id each time.
    assert (public.data.node_id, public.data.actor, public.data.authority) == (
        "district",
        OFFICE,
        "Art. 11",
    )
    assert public.time == public.data.occurred_at == AT
    assert public.subject == str(chart.id)
    assert public.id == public_event_id(ORIGIN.source, drawn_event)
    assert public.data.schema_version == 1


def test_any_other_stored_event_stays_internal() -> None:
    chart = Chart(steps=3)
    chart.note()
    _, noted = chart.collect_events()
    assert translate(noted, ORIGIN) is None
    assert Translations()(noted, ORIGIN) is None  # nothing added: nothing is public
