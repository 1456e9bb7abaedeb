"""`make run`'s district console is the one front door (docs/sign-in.md): it reaches each town
node's services, so 太和镇's people work on their node and the district supervises its
disposals (Art. 29)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from lianfang.run_local import district_console_reach, plan_nodes
from services.console.bff.settings import ProxySettings

if TYPE_CHECKING:
    from pathlib import Path


def test_the_district_console_reaches_the_town_nodes_services(tmp_path: Path) -> None:
    nodes = plan_nodes(tmp_path, ["QX-TH"])
    town = nodes[1]
    reach = json.loads(district_console_reach(nodes)["LIANFANG_CONSOLE_NODE_URLS"])
    assert reach == {
        "QX-TH": {s: f"http://127.0.0.1:{town.ports[s]}" for s in PROXIED},
    }
    # as the console reads it: a 太和镇 person's calls go to the town's warning service
    proxy = ProxySettings(node_urls=reach)
    assert proxy.service_urls("QX-TH")["warning"] == f"http://127.0.0.1:{town.ports['warning']}"
    assert district_console_reach(nodes[:1]) == {}  # the district alone: its own services


PROXIED = ("intake", "register", "warning", "assessment")
