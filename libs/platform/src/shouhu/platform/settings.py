"""Typed settings; each service subclasses `ServiceSettings` once."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from enum import StrEnum

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_PREFIX = "dev-placeholder"


class Mode(StrEnum):
    """How the platform runs (DESIGN.md "Run modes")."""

    EMBEDDED = "embedded"
    PRODUCTION = "production"


class TransportKind(StrEnum):
    """Which event transport carries the outbox."""

    INPROCESS = "inprocess"
    KAFKA = "kafka"


class ExporterKind(StrEnum):
    """Where spans go."""

    NONE = "none"
    CONSOLE = "console"
    FILE = "file"
    OTLP = "otlp"
    MEMORY = "memory"


@dataclass(frozen=True)
class PoolSizing:
    """How many connections one process keeps and may open; see `ServiceSettings`."""

    size: int = 4
    overflow: int = 4
    timeout_seconds: float = 10.0
    recycle_seconds: int = 1800


class ServiceSettings(BaseSettings):
    """Settings every service and the gateway share; read from `SHOUHU_*` variables."""

    model_config = SettingsConfigDict(env_prefix="SHOUHU_", extra="ignore")

    mode: Mode = Mode.EMBEDDED
    service_name: str = "shouhu"
    database_url: str = "sqlite:///./data/shouhu.db"
    transport: TransportKind = TransportKind.INPROCESS
    kafka_bootstrap: str = "127.0.0.1:9092"
    # Partitions of the topics a service creates: consumers of one group share them, so six
    # split evenly between one, two, three or six replicas.
    kafka_partitions: int = Field(default=6, ge=1)
    oidc_issuer: str = "http://127.0.0.1:8000/realms/shouhu"
    oidc_jwks_url: str = ""
    oidc_audience: str = "shouhu-api"
    telemetry_exporter: ExporterKind = ExporterKind.NONE
    telemetry_file: str = ""
    otlp_endpoint: str = "http://127.0.0.1:4318/v1/traces"
    # Share of new traces kept when exporting (parent-based: a caller's decision is followed).
    telemetry_sample_ratio: float = Field(default=1.0, ge=0, le=1)
    # PostgreSQL connections of one process (a uvicorn worker): `db_pool_size` kept open,
    # up to `db_pool_overflow` more under load; a caller finding none free waits
    # `db_pool_timeout_seconds`, then fails. The server must have room for every process:
    # services x replicas x workers x (size + overflow), e.g. 5 x 1 x 2 x 8 = 80 of
    # PostgreSQL's default 100 (keep some for migrations, the verify tool and operators).
    # A request holds one connection and the worker's threads one each while they run, so
    # eight per process outnumber what two CPU-bound workers can use at once; raising them
    # only lets one busy service crowd the others out of a shared server.
    db_pool_size: int = Field(default=4, ge=1)
    db_pool_overflow: int = Field(default=4, ge=0)
    db_pool_timeout_seconds: float = Field(default=10, gt=0)
    # Connections are replaced after this, before idle timeouts of the network drop them.
    db_pool_recycle_seconds: int = Field(default=1800, gt=0)
    run_worker: bool = True
    # Migrate (and seed) the database as the app starts: embedded and local runs. In Kubernetes
    # the chart's pre-install/pre-upgrade Job does it once (`python -m shouhu.platform.run
    # migrate <service>`) and the API pods start with this off.
    migrate_on_start: bool = True
    demo_data: bool = False
    relay_interval_seconds: float = 0.2
    # Parked events are tried again at the worker's start and this often: a fix deployed, or a
    # row that arrived late, lets them through in order without anyone redriving by hand.
    redrive_seconds: float = Field(default=300, gt=0)
    # Woken by a commit, the relay waits this long first, so that a burst's commits go out in one
    # batch (one look, one produce) rather than one each: Kafka's linger.ms, for the outbox.
    relay_linger_seconds: float = Field(default=0.01, ge=0)
    # Published events are kept a week for inspection; applied event ids for a month, longer
    # than Kafka keeps a message (seven days by default), so a redelivery is still recognised.
    outbox_retention_days: float = Field(default=7, gt=0)
    inbox_retention_days: float = Field(default=30, gt=0)
    # Secrets; the placeholder is refused outside embedded mode.
    data_key: str = PLACEHOLDER_PREFIX + "-data-key"
    # Data keys identity numbers may still be sealed under (a JSON list), read beside
    # `data_key` until the re-encryption (`python -m shouhu.<service>.keys reencrypt`) has
    # moved every number to it. Not held to the length of a current key: rotating away from a
    # weak key is exactly when one is listed here.
    previous_data_keys: list[str] = Field(default_factory=list)
    # Shared by the gateway and the services: the gateway signs the operation it names for the
    # access log with it, and a service believes that name only with its signature.
    gateway_key: str = PLACEHOLDER_PREFIX + "-gateway-key"

    @property
    def jwks_url(self) -> str:
        """The realm's JWKS, by default under the issuer as Keycloak serves it."""
        return self.oidc_jwks_url or f"{self.oidc_issuer}/protocol/openid-connect/certs"

    @property
    def pool(self) -> PoolSizing:
        """The connection pool of one process."""
        return PoolSizing(
            size=self.db_pool_size,
            overflow=self.db_pool_overflow,
            timeout_seconds=self.db_pool_timeout_seconds,
            recycle_seconds=self.db_pool_recycle_seconds,
        )

    def secret_fields(self) -> dict[str, str]:
        """The secrets of this settings class, by name; subclasses add theirs."""
        return {"data_key": self.data_key, "gateway_key": self.gateway_key}

    @field_validator("previous_data_keys")
    @classmethod
    def _no_empty_keys(cls, keys: list[str]) -> list[str]:
        if any(not key for key in keys):
            raise ValueError("an empty previous data key")
        return keys

    @model_validator(mode="after")
    def _refuse_placeholders(self) -> ServiceSettings:
        if self.mode is not Mode.EMBEDDED:
            weak = [k for k, v in self.secret_fields().items() if v.startswith(PLACEHOLDER_PREFIX)]
            if weak:
                raise ValueError(f"placeholder secrets outside embedded mode: {', '.join(weak)}")
            short = [k for k, v in self.secret_fields().items() if random_bytes(v) < KEY_BYTES]
            if short:
                raise ValueError(
                    f"secrets shorter than {KEY_BYTES} random bytes, base64 "
                    f"(make one with `openssl rand -base64 48`): {', '.join(short)}"
                )
        return self


KEY_BYTES = 32  # a secret outside embedded mode: at least this many random bytes


def random_bytes(secret: str) -> int:
    """How many bytes a base64 secret (standard or URL-safe, padded or not) holds; 0 if none."""
    text = secret.strip().replace("-", "+").replace("_", "/")
    try:
        return len(base64.b64decode(text + "=" * (-len(text) % 4), validate=True))
    except ValueError:
        return 0


def topic_of(service: str) -> str:
    """The Kafka topic a service publishes its events on."""
    return f"shouhu.{service}"
