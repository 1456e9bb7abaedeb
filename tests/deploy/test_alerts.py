"""Alert rules: well-formed, the same in both forms, about metrics the services really export,
and each explained in docs/runbook.md."""

from __future__ import annotations

import re

from prometheus_client import generate_latest

from shared.metrics import ServiceMetrics
from tests.deploy.kustomize import K8S, render
from tests.deploy.support import REPO, load_yaml

RULES = load_yaml(K8S / "monitoring" / "alerts.rules.yaml")
RUNBOOK = (REPO / "docs" / "runbook.md").read_text(encoding="utf-8")
_DURATION = re.compile(r"^\d+[smhd]$")


def exported_names() -> set[str]:
    """The sample names a service's /metrics carries once every metric has been touched."""
    metrics = ServiceMetrics("intake")
    metrics.requests("GET", "/x", "200").inc()
    metrics.latency("/x").observe(0.1)
    metrics.events_in("intake", "processed").inc()
    metrics.consumer_lag("t", 0, 1, 5)
    metrics.overdue({"warnings": 1})
    text = generate_latest(metrics.registry).decode()
    return {line.split("{")[0].split(" ")[0] for line in text.splitlines() if line[:1] not in "#"}


def alerts() -> list[dict[str, object]]:
    return [rule for group in RULES["groups"] for rule in group["rules"]]


def test_the_prometheus_rule_renders_and_carries_the_same_rules() -> None:
    (rule,) = render("monitoring")
    assert rule["apiVersion"] == "monitoring.coreos.com/v1"
    assert rule["kind"] == "PrometheusRule"
    assert rule["spec"] == RULES


def test_each_alert_is_well_formed_and_explained_in_the_runbook() -> None:
    names = [str(a["alert"]) for a in alerts()]
    assert len(names) == len(set(names)) >= 6
    for alert in alerts():
        assert set(alert) <= {"alert", "expr", "for", "labels", "annotations"}
        assert str(alert["expr"]).strip()
        assert _DURATION.match(str(alert.get("for", "0s")))
        labels, annotations = alert["labels"], alert["annotations"]
        assert isinstance(labels, dict)
        assert isinstance(annotations, dict)
        assert labels["severity"] in {"critical", "warning", "info"}
        assert annotations["summary"]
        anchor = str(annotations["runbook_url"]).split("#", 1)[1]
        assert anchor == str(alert["alert"]).lower()
        assert f"### {alert['alert']}" in RUNBOOK, f"runbook has no section for {alert['alert']}"


def test_alerts_use_only_metrics_the_services_export() -> None:
    exported = exported_names()
    assert {"lianfang_outbox_backlog", "lianfang_consumer_lag", "lianfang_overdue"} <= exported
    assert "lianfang_dead_letters_total" in exported
    for alert in alerts():
        for name in re.findall(r"\blianfang_\w+", str(alert["expr"])):
            assert name in exported, f"{alert['alert']} uses {name}, which nothing exports"
