"""The Grafana dashboard (deploy/grafana): well-formed, its datasource templated, and every query
about metrics and labels the services really export (issue #18 item 4)."""

from __future__ import annotations

import json
import re
from typing import Any

from prometheus_client import generate_latest
from prometheus_client.parser import text_string_to_metric_families

from shared.metrics import ServiceMetrics
from tests.deploy.support import REPO

DASHBOARD = REPO / "deploy" / "grafana" / "lianfang-load.json"
SCRAPE_LABELS = {"namespace", "pod", "job", "instance", "le"}
"""Labels Prometheus adds when it scrapes a pod (and a histogram's bucket bound)."""
_METRIC = re.compile(r"\blianfang_[a-z_]+\b")
_SELECTOR = re.compile(r"(lianfang_[a-z_]+)\{([^}]*)\}")
_MATCHER = re.compile(r"(\w+)\s*(?:=~|!~|!=|=)")
_GROUPING = re.compile(r"\bby\s*\(([^)]*)\)")


def exported_labels() -> dict[str, set[str]]:
    """Sample name -> its labels, on a service's /metrics once every metric has been touched."""
    metrics = ServiceMetrics("warning")
    metrics.requests("GET", "/x", "200").inc()
    metrics.latency("/x").observe(0.1)
    metrics.events_in("warning", "processed").inc()
    metrics.events_out.inc()
    metrics.dead_letters.inc()
    metrics.outbox_backlog.set(1)
    metrics.consumer_lag("t", 0, 1, 5)
    metrics.overdue({"warnings": 1})
    text = generate_latest(metrics.registry).decode()
    labels: dict[str, set[str]] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            labels.setdefault(sample.name, set()).update(sample.labels)
    return labels


def exported_names() -> set[str]:
    return set(exported_labels())


def dashboard() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    return loaded


def panels() -> list[dict[str, Any]]:
    return [p for p in dashboard()["panels"] if p["type"] != "row"]


def queries() -> list[str]:
    return [t["expr"] for p in panels() for t in p["targets"]]


def test_the_dashboard_is_well_formed() -> None:
    board = dashboard()
    assert board["uid"]
    assert board["title"]
    assert board["schemaVersion"] >= 36
    ids = [p["id"] for p in board["panels"]]
    assert len(ids) == len(set(ids)), "panel ids repeat"
    for panel in panels():
        assert panel["title"], panel["id"]
        assert panel["description"], panel["title"]
        assert panel["targets"], f"panel {panel['title']!r} has no query"
        grid = panel["gridPos"]
        assert grid["x"] >= 0, panel["title"]
        assert grid["x"] + grid["w"] <= 24, panel["title"]
        refs = [t["refId"] for t in panel["targets"]]
        assert len(refs) == len(set(refs)), panel["title"]


def test_the_datasource_is_a_variable_not_a_fixed_uid() -> None:
    variables = {v["name"]: v for v in dashboard()["templating"]["list"]}
    assert variables["datasource"]["type"] == "datasource"
    assert variables["datasource"]["query"] == "prometheus"
    templated = {"type": "prometheus", "uid": "${datasource}"}
    for panel in panels():
        assert panel["datasource"] == templated, panel["title"]
        for target in panel["targets"]:
            assert target.get("datasource", templated) == templated, panel["title"]
    for variable in variables.values():
        if variable["type"] == "query":
            assert variable["datasource"] == templated, variable["name"]


def test_every_query_names_a_metric_the_services_export() -> None:
    exported = exported_names()
    named = {m for q in queries() for m in _METRIC.findall(q)}
    variables = dashboard()["templating"]["list"]
    named |= {
        m for v in variables if v["type"] == "query" for m in _METRIC.findall(v["definition"])
    }
    assert named, "no query names a metric"
    assert named <= exported, f"not exported by any service: {sorted(named - exported)}"


def test_every_label_a_query_filters_or_groups_by_exists() -> None:
    labels = exported_labels()
    for query in queries():
        for metric, matchers in _SELECTOR.findall(query):
            for label in _MATCHER.findall(matchers):
                assert label in labels[metric] | SCRAPE_LABELS, f"{metric} has no {label}: {query}"
        metrics = set(_METRIC.findall(query))
        for grouping in _GROUPING.findall(query):
            for label in (g.strip() for g in grouping.split(",")):
                carried = set().union(*(labels[m] for m in metrics)) | SCRAPE_LABELS
                assert label in carried, f"no metric of {query!r} carries {label}"


def test_it_shows_lag_backlog_latency_and_dead_letters() -> None:
    shown = " ".join(queries())
    for metric in (
        "lianfang_consumer_lag",
        "lianfang_outbox_backlog",
        "lianfang_http_request_seconds_bucket",
        "lianfang_dead_letters_total",
    ):
        assert metric in shown, f"the dashboard does not show {metric}"
    assert "histogram_quantile(0.99" in shown
