"""Settings every service shares, read from `LIANFANG_*` environment variables (pydantic-settings).

A deployment is one node (Art. 6, 7, 24): the district node or a town node, responsible for one
subtree of the organisation. Services read their own settings (`LIANFANG_<SERVICE>_*`) on top.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_JWT_SECRET = "lianfang-local-development-secret-change-me"  # noqa: S105 - refused, see below
"""The shared HS256 secret every pod once held (issue #14). Nothing signs with it any more; it
stays named here so that a test proves a token signed with it is refused everywhere."""


class CommonSettings(BaseSettings):
    """What every service of one node needs to know: node, Kafka, store, token keys."""

    model_config = SettingsConfigDict(env_prefix="LIANFANG_", extra="ignore")

    env: Literal["dev", "prod"] = Field(
        "prod",
        description="`dev` (LIANFANG_ENV=dev: `make run`, the tests) lets a process use the "
        "development key file and built-in development secrets; anything else refuses to start "
        "on them (issue #14).",
    )

    dev_clock_file: Path | None = Field(
        None,
        description="Dev mode only: a file holding seconds by which this node's clock runs ahead "
        "of the wall clock (shared/clock.py DevShiftedClock), so a test lets the publication "
        "period (Art. 10) pass; refused at start outside dev mode (docs/dev-clock.md).",
    )

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
    postgres_sslmode: Literal[
        "disable", "allow", "prefer", "require", "verify-ca", "verify-full"
    ] = Field(
        "prefer",
        description="libpq's sslmode for every PostgreSQL connection. `verify-full` in "
        "production: TLS, the server's certificate checked against `postgres_sslrootcert` "
        "and its name against `postgres_host` (issue #17; docs/security.md).",
    )
    postgres_sslrootcert: Path | None = Field(
        None,
        description="The CA certificate (a file) that signed the PostgreSQL server's; "
        "`verify-ca` and `verify-full` need it.",
    )
    jwt_issuer: str = Field(
        "lianfang", description="The `iss` of the tokens (the district console's), checked."
    )
    jwks_url: str | None = Field(
        None,
        description="The issuer's public keys: the district console's "
        "`/.well-known/jwks.json` (cached; fetched again on an unknown kid, at most every 30 s).",
    )
    jwks_file: Path | None = Field(
        None, description="The issuer's public keys as a JWKS file (instead of `jwks_url`)."
    )
    token_audience: str | None = Field(
        None,
        description="The `aud` a token must name to be taken here; default: this node's id.",
    )
    token_max_ttl_hours: float = Field(
        8.0, gt=0, description="Longest lifetime (exp - iat) of a token taken here, in hours."
    )
    dev_key_file: Path = Field(
        Path("var/dev-signing-key.pem"),
        description="Dev mode only: the development signing key (created on first use, its JWKS "
        "written beside it as `<name>.jwks.json`), used when no JWKS source is set.",
    )
    org_seed: Path | None = Field(
        None, description="JSON file with the organisation tree to start from (demo/bootstrap)."
    )
    relay_poll_seconds: float = Field(0.2, description="How often the outbox relay looks.")
    kafka_wait_seconds: float = Field(
        300.0, ge=0, description="How long a starting worker waits for a broker to answer before "
        "it gives up and exits (brokers restarting, a rolling upgrade).",
    )  # fmt: skip
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
    # Kafka's security (issue #17 item 1, review C2): how every client of this process
    # authenticates. One principal per service and node; its password lives in a file, never in
    # the environment (shared/kafka.py KafkaAccess builds every client from these).
    kafka_security_protocol: Literal["PLAINTEXT", "SASL_PLAINTEXT", "SASL_SSL"] = Field(
        "PLAINTEXT", description="PLAINTEXT (an open broker), SASL_PLAINTEXT (the local broker "
        "on loopback) or SASL_SSL (production: TLS, then SCRAM).",
    )  # fmt: skip
    kafka_sasl_mechanism: Literal["SCRAM-SHA-512", "SCRAM-SHA-256", "PLAIN"] = Field(
        "SCRAM-SHA-512", description="The SASL mechanism (SCRAM-SHA-512 locally and on Strimzi)."
    )
    kafka_username: str | None = Field(
        None,
        description="This process's Kafka principal, `<node>-<service>` (e.g. district-intake).",
    )
    kafka_password_file: Path | None = Field(
        None, description="A file holding the principal's password (read at connect; 0600)."
    )
    kafka_ssl_cafile: Path | None = Field(
        None, description="The CA that signed the brokers' certificates (SASL_SSL)."
    )

    @property
    def audience(self) -> str:
        """The audience a token must name to be taken by this node's services."""
        return self.token_audience or self.node_id

    @property
    def dev_mode(self) -> bool:
        return self.env == "dev"


class ServiceSettings(BaseSettings):
    """Per-service settings; subclasses set their env prefix and default port."""

    model_config = SettingsConfigDict(extra="ignore")

    host: str = "127.0.0.1"
    port: int = 8100
    common: CommonSettings = Field(default_factory=CommonSettings)

    def development_secrets(self) -> list[str]:
        """The settings of this service left at a built-in development secret, or missing: a
        serving process outside dev mode refuses to start on any (shared/keys.py). Services
        with secrets of their own add theirs."""
        return []
