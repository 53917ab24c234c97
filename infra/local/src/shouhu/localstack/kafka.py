"""Apache Kafka (KRaft, single node): an env-named broker, a testcontainer, or a local JVM."""

from __future__ import annotations

import base64
import os
import shutil
import sys
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from shouhu.localstack._common import (
    ManagedProcess,
    Restart,
    StartupError,
    cache_dir,
    file_lock,
    find_java_home,
    free_ports,
    make_temp_dir,
    mvn_executable,
    port_open,
    provider,
    register_cleanup,
    remove_dir,
    restartable,
    run,
    unregister_cleanup,
)

ENV_BOOTSTRAP = "SHOUHU_KAFKA_BOOTSTRAP"
KAFKA_VERSION = os.environ.get("SHOUHU_KAFKA_VERSION", "4.3.1")
# Kafka 4.x logs through SLF4J 1.7, so the Log4j 2 binding is log4j-slf4j-impl (not slf4j2).
LOG4J_VERSION = "2.24.3"
IMAGE = os.environ.get("SHOUHU_KAFKA_IMAGE", "confluentinc/cp-kafka:7.9.0")
JAVA_MIN = 17

POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>shouhu.localstack</groupId>
  <artifactId>kafka-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka_2.13</artifactId>
      <version>{kafka}</version>
    </dependency>
    <dependency>
      <groupId>org.apache.logging.log4j</groupId>
      <artifactId>log4j-core</artifactId>
      <version>{log4j}</version>
    </dependency>
    <dependency>
      <groupId>org.apache.logging.log4j</groupId>
      <artifactId>log4j-slf4j-impl</artifactId>
      <version>{log4j}</version>
    </dependency>
  </dependencies>
  <build>
    <pluginManagement>
      <plugins>
        <plugin>
          <groupId>org.apache.maven.plugins</groupId>
          <artifactId>maven-dependency-plugin</artifactId>
          <version>3.8.1</version>
        </plugin>
      </plugins>
    </pluginManagement>
  </build>
</project>
"""

LOG4J2 = """status = warn
rootLogger.level = INFO
rootLogger.appenderRef.out.ref = OUT
appender.out.type = Console
appender.out.name = OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
logger.state.name = state.change.logger
logger.state.level = WARN
logger.request.name = kafka.request.logger
logger.request.level = WARN
"""


@dataclass
class KafkaHandle:
    """A running Kafka broker."""

    bootstrap: str
    provider: str = "local"
    _stop: Callable[[], None] = field(default=lambda: None, repr=False)
    _restart: Restart | None = field(default=None, repr=False)

    def halt(self) -> None:
        """Stop the broker, keeping its log dirs, as an outage would (a local broker only)."""
        restartable(self._restart, "kafka", self.provider).halt()

    def resume(self) -> None:
        """Start the halted broker again on the same ports and logs; wait until it serves."""
        restartable(self._restart, "kafka", self.provider).resume()

    def stop(self) -> None:
        """Stop the broker (if this process started it) and remove its files."""
        stop, self._stop = self._stop, lambda: None
        unregister_cleanup(self)
        stop()


def start_kafka() -> KafkaHandle:
    """Start (or attach to) Kafka: SHOUHU_KAFKA_BOOTSTRAP, else Docker, else a local JVM."""
    chosen = provider(ENV_BOOTSTRAP)
    if chosen == "env":
        return KafkaHandle(os.environ[ENV_BOOTSTRAP], provider="env")
    if chosen == "docker":
        try:
            return start_docker()
        except ImportError as exc:
            print(
                f"[localstack] Docker answers but {exc}; running a local process", file=sys.stderr
            )
    return start_local()


def start_docker() -> KafkaHandle:
    """Start a Kafka testcontainer in KRaft mode."""
    try:
        from testcontainers.community.kafka import KafkaContainer
    except ImportError:
        from testcontainers.kafka import KafkaContainer

    container = KafkaContainer(IMAGE).with_kraft()
    for key, value in {
        "KAFKA_AUTO_CREATE_TOPICS_ENABLE": "true",
        "KAFKA_NUM_PARTITIONS": "3",
        "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR": "1",
        "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR": "1",
        "KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS": "0",
    }.items():
        container.with_env(key, value)
    container.start()
    handle = KafkaHandle(container.get_bootstrap_server(), "docker", container.stop)
    register_cleanup(handle, handle.stop)
    _wait_for_metadata_blocking(handle.bootstrap, 120)
    return handle


def fetch(version: str = KAFKA_VERSION) -> Path:
    """Resolve Kafka's broker classpath with Maven once and return the cached jars folder."""
    home = cache_dir(f"kafka-{version}")
    jars = home / "jars"
    stamp = home / ".complete"
    if stamp.exists():
        return jars
    with file_lock(home / ".lock"):
        if stamp.exists():
            return jars
        (home / "pom.xml").write_text(POM.format(kafka=version, log4j=LOG4J_VERSION))
        staging = home / "jars.staging"
        shutil.rmtree(staging, ignore_errors=True)
        run(
            [
                mvn_executable(),
                "-B",
                "-q",
                "-f",
                home / "pom.xml",
                "dependency:copy-dependencies",
                "-DincludeScope=runtime",
                f"-DoutputDirectory={staging}",
            ],
            cwd=home,
        )
        if not list(staging.glob("kafka_2.13-*.jar")):
            raise StartupError(f"mvn resolved no kafka jar into {staging}")
        shutil.rmtree(jars, ignore_errors=True)
        staging.rename(jars)
        stamp.write_text(version + "\n")
    return jars


def _cluster_id() -> str:
    """Return a random Kafka cluster id (base64url of a UUID, no padding)."""
    return base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")


def start_local(timeout: float = 180) -> KafkaHandle:
    """Format a throwaway KRaft log dir and run a combined broker+controller JVM."""
    jars = fetch()
    java = find_java_home(JAVA_MIN) / "bin" / "java"
    root = make_temp_dir("shouhu-kafka-")
    port, controller_port = free_ports(2)
    props = {
        "process.roles": "broker,controller",
        "node.id": "1",
        "listeners": f"PLAINTEXT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{controller_port}",
        "advertised.listeners": f"PLAINTEXT://127.0.0.1:{port}",
        "controller.listener.names": "CONTROLLER",
        "inter.broker.listener.name": "PLAINTEXT",
        "listener.security.protocol.map": "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "controller.quorum.bootstrap.servers": f"127.0.0.1:{controller_port}",
        "log.dirs": str(root / "data"),
        "num.partitions": "3",
        "auto.create.topics.enable": "true",
        "group.initial.rebalance.delay.ms": "0",
        "offsets.topic.replication.factor": "1",
        "offsets.topic.num.partitions": "3",
        "transaction.state.log.replication.factor": "1",
        "transaction.state.log.min.isr": "1",
        "share.coordinator.state.topic.replication.factor": "1",
        "share.coordinator.state.topic.min.isr": "1",
        "min.insync.replicas": "1",
        "default.replication.factor": "1",
    }
    config = root / "server.properties"
    config.write_text("".join(f"{key}={value}\n" for key, value in props.items()))
    log4j = root / "log4j2.properties"
    log4j.write_text(LOG4J2)
    log_path = root / "kafka.log"
    base = [
        str(java),
        "-Xms256m",
        "-Xmx1g",
        "-XX:+UseG1GC",
        "-Djava.awt.headless=true",
        f"-Dlog4j2.configurationFile={log4j}",
        f"-Dkafka.logs.dir={root}",
        "-cp",
        f"{jars}/*",
    ]
    bootstrap = f"127.0.0.1:{port}"
    restart: Restart | None = None
    # The log is appended to: a restart looks for its own "started" line, past the old ones.
    log_start = [0]

    def launch() -> ManagedProcess:
        log_start[0] = len(_read(log_path))
        return ManagedProcess("kafka", [*base, "kafka.Kafka", config], log_path, cwd=root)

    def ready(started: ManagedProcess) -> None:
        started.wait_until(
            lambda: (
                port_open("127.0.0.1", port)
                and "Kafka Server started" in _read(log_path)[log_start[0] :]
            ),
            timeout,
            "started",
        )
        started.wait_until(lambda: _metadata_ready(bootstrap), 30, "serving metadata", 0.5)

    try:
        # `--cluster-id=…` in one argument: an id may begin with "-", which the tool would
        # otherwise read as an option.
        storage = [*base, "kafka.tools.StorageTool", "format", f"--cluster-id={_cluster_id()}"]
        run([*storage, "-c", config, "--standalone"], cwd=root, timeout=120)
        restart = Restart(launch, ready)
    except BaseException:
        if restart is not None:
            restart.halt()
        remove_dir(root)
        raise

    def stop() -> None:
        assert restart is not None
        restart.halt()
        remove_dir(root)

    handle = KafkaHandle(bootstrap, "local", stop, restart)
    register_cleanup(handle, handle.stop)
    return handle


def _read(path: Path) -> str:
    """Read a log file, tolerating a missing one."""
    try:
        return path.read_text(errors="replace")
    except OSError:
        return ""


def _metadata_ready(bootstrap: str) -> bool:
    """Tell whether a client can fetch cluster metadata with an unfenced broker."""
    try:
        from kafka import KafkaAdminClient
    except ImportError:
        host, _, port = bootstrap.rpartition(":")
        return port_open(host, int(port))
    admin = KafkaAdminClient(
        bootstrap_servers=bootstrap, request_timeout_ms=5000, client_id="shouhu-localstack"
    )
    try:
        brokers = admin.describe_cluster().get("brokers") or []
        return any(not broker.get("is_fenced", False) for broker in brokers)
    finally:
        admin.close()


def _wait_for_metadata_blocking(bootstrap: str, timeout: float) -> None:
    """Wait (without a local process to watch) until the broker serves metadata."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        try:
            if _metadata_ready(bootstrap):
                return
        except Exception as exc:  # keep polling until the deadline
            if time.monotonic() > deadline:
                raise StartupError(f"kafka at {bootstrap} not ready: {exc}") from exc
        if time.monotonic() > deadline:
            raise StartupError(f"kafka at {bootstrap} not ready after {timeout:.0f}s")
        time.sleep(0.5)
