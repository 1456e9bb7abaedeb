"""Settings every service shares, read from `LIANFANG_*` environment variables (pydantic-settings).

A deployment is one node (Art. 6, 7, 24): the district node or a town node, responsible for one
subtree of the organisation. Services read their own settings (`LIANFANG_<SERVICE>_*`) on top.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_JWT_SECRET = "lianfang-local-development-secret-change-me"  # noqa: S105 - local default only


class CommonSettings(BaseSettings):
    """What every service of one node needs to know: node, Kafka, store, token keys."""

    model_config = SettingsConfigDict(env_prefix="LIANFANG_", extra="ignore")

    node_id: str = Field("district", description="This deployment's node (district or town-*).")
    node_root_unit: str = Field(
        "QX", description="Code of the unit whose subtree this node is responsible for."
    )
    admit_district_auditors: bool = Field(
        False,
        description="On a town's node: let auditors of the district (the tree's top unit) read "
        "it (分级监督, Art. 29). Every other token whose unit lies outside `node_root_unit` is "
        "refused (403, Art. 7).",
    )
    kafka_bootstrap: str = Field("127.0.0.1:9092", description="Kafka bootstrap servers.")
    topic_prefix: str = Field("lianfang", description="Prefix of every Kafka topic name.")
    store: Literal["sqlite", "postgres", "memory"] = Field(
        "sqlite", description="Event store: a SQLite file per service, PostgreSQL, or memory."
    )
    data_dir: Path = Field(Path("var/data"), description="Folder of the SQLite store files.")
    postgres_host: str = "127.0.0.1"
    postgres_port: int = 5432
    postgres_user: str = "lianfang"
    postgres_password: SecretStr = SecretStr("lianfang")
    postgres_dbname: str = "lianfang"
    jwt_secret: SecretStr = Field(
        SecretStr(DEV_JWT_SECRET), description="HMAC key that signs bearer tokens (HS256)."
    )
    jwt_issuer: str = "lianfang"
    org_seed: Path | None = Field(
        None, description="JSON file with the organisation tree to start from (demo/bootstrap)."
    )
    relay_poll_seconds: float = Field(0.2, description="How often the outbox relay looks.")
    topic_replication: int = Field(
        1, ge=1, description="Replication factor of topics a worker creates when missing (3 on "
        "a production cluster; a single local broker has 1).",
    )  # fmt: skip
    max_body_bytes: int = Field(
        128 * 1024, ge=1024, description="Largest request body a route reads (413 beyond, refused "
        "before it is read; shared/http_gate.py).",
    )  # fmt: skip
    max_import_body_bytes: int = Field(
        2_000_000, ge=1024, description="Largest request body of a bulk import route (…/import).",
    )  # fmt: skip
    tick_seconds: float | None = Field(
        None, description="Run every timer (deadline checks) this often instead of its default."
    )


class ServiceSettings(BaseSettings):
    """Per-service settings; subclasses set their env prefix and default port."""

    model_config = SettingsConfigDict(extra="ignore")

    host: str = "127.0.0.1"
    port: int = 8100
    common: CommonSettings = Field(default_factory=CommonSettings)
