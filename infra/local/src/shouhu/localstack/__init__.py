"""Real PostgreSQL, Kafka and Keycloak for tests and the local stack (env, Docker or local)."""

from shouhu.localstack._common import StartupError, cache_dir
from shouhu.localstack.kafka import KafkaHandle, start_kafka
from shouhu.localstack.keycloak import KeycloakHandle, start_keycloak
from shouhu.localstack.postgres import PostgresHandle, start_postgres

__all__ = [
    "KafkaHandle",
    "KeycloakHandle",
    "PostgresHandle",
    "StartupError",
    "cache_dir",
    "start_kafka",
    "start_keycloak",
    "start_postgres",
]
