"""Every Kafka client is built from one KafkaAccess: the settings' protocol and credentials,
the password read from its file and never carried in the environment (issue #17 item 1)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from shared.kafka import KafkaAccess, KafkaAccessError
from shared.settings import CommonSettings

if TYPE_CHECKING:
    from pathlib import Path


def test_settings_give_a_sasl_client_its_login_from_the_password_file(tmp_path: Path) -> None:
    secret = tmp_path / "intake.password"
    secret.write_text("s3cret\n")
    common = CommonSettings(
        kafka_bootstrap="k1:9092,k2:9092",
        kafka_security_protocol="SASL_PLAINTEXT",
        kafka_username="district-intake",
        kafka_password_file=secret,
    )
    access = KafkaAccess.of(common)
    client = access.aiokafka()
    assert client["sasl_mechanism"] == "SCRAM-SHA-512"
    assert (client["sasl_plain_username"], client["sasl_plain_password"]) == (
        "district-intake",
        "s3cret",
    )
    assert client["ssl_context"] is None
    faust = access.faust()
    assert faust["broker"] == ["kafka://k1:9092", "kafka://k2:9092"]
    assert faust["broker_credentials"].mechanism.value == "SCRAM-SHA-512"
    # The environment names the file, never the password; the repr neither.
    assert "s3cret" not in str(access.env()) + repr(access)
    assert access.env()["LIANFANG_KAFKA_PASSWORD_FILE"] == str(secret)
    assert KafkaAccess.of(CommonSettings(**{"kafka_bootstrap": "k1:9092"})) == KafkaAccess(
        "k1:9092"
    )


def test_sasl_ssl_uses_tls_with_the_given_ca(tmp_path: Path) -> None:
    secret = tmp_path / "p"
    secret.write_text("x")
    access = KafkaAccess("k:9093", "SASL_SSL", username="u", password_file=secret)
    assert access.aiokafka()["ssl_context"] is not None
    assert access.faust()["broker_credentials"].protocol.value == "SASL_SSL"


def test_sasl_without_a_user_or_a_password_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KafkaAccessError, match="LIANFANG_KAFKA_PASSWORD_FILE"):
        KafkaAccess("k:9092", "SASL_PLAINTEXT", username="u")
    missing = KafkaAccess("k:9092", "SASL_PLAINTEXT", username="u", password_file=tmp_path / "no")
    with pytest.raises(KafkaAccessError, match="cannot read"):
        missing.aiokafka()


def test_a_plain_client_carries_no_credentials() -> None:
    assert KafkaAccess("k:9092").aiokafka() == {
        "bootstrap_servers": "k:9092",
        "security_protocol": "PLAINTEXT",
    }


def test_without_a_username_a_process_is_its_node_s_principal_for_its_role(
    tmp_path: Path,
) -> None:
    """On Strimzi each pod names only the password file; its principal is `<node>-<service>`."""
    secret = tmp_path / "password"
    secret.write_text("x")
    common = CommonSettings(
        node_id="town-taihe",
        kafka_security_protocol="SASL_SSL",
        kafka_password_file=secret,
    )
    assert KafkaAccess.of(common, "warning").username == "town-taihe-warning"
    assert KafkaAccess.of(common, "operator").username == "town-taihe-operator"
    named = common.model_copy(update={"kafka_username": "district-intake"})
    assert KafkaAccess.of(named, "warning").username == "district-intake"
    assert KafkaAccess.of(CommonSettings(), "warning").username is None  # PLAINTEXT: nobody
