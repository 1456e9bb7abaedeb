"""The organisation tree of 清新区 and the subtree rule of jurisdiction (Art. 5–7, 24)."""

from __future__ import annotations

import pytest

from shared.orgtree import OrgDirectory, UnknownUnit
from shared.runtime import DEFAULT_ORG_SEED


@pytest.fixture(scope="module")
def org() -> OrgDirectory:
    return OrgDirectory.from_json(DEFAULT_ORG_SEED)


def test_the_seed_holds_the_eight_towns_of_qingxin(org: OrgDirectory) -> None:
    towns = {u.name for u in org.subtree("QX") if u.kind == "town"}
    assert towns == {"太和镇", "太平镇", "山塘镇", "三坑镇", "龙颈镇", "禾云镇", "浸潭镇", "石潭镇"}


def test_a_unit_lies_within_its_ancestors_and_itself_only(org: OrgDirectory) -> None:
    assert org.is_within("QX-TH-CZS", "QX-TH")
    assert org.is_within("QX-TH-CZS", "QX")
    assert org.is_within("QX-TH", "QX-TH")
    assert not org.is_within("QX-TH", "QX-TH-CZS")
    assert not org.is_within("QX-TP-CZS", "QX-TH")


def test_town_units_are_managed_by_their_town_node(org: OrgDirectory) -> None:
    assert org.get("QX-TH-V1").managing_node_id == "town-taihe"
    assert org.get("QX-TH").managing_node_id == "district"


def test_an_unknown_unit_is_named_in_the_error(org: OrgDirectory) -> None:
    with pytest.raises(UnknownUnit, match="QX-NOPE"):
        org.get("QX-NOPE")
