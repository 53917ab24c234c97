"""PostgreSQL: an env-named server, a testcontainer, or a throwaway local cluster."""

from __future__ import annotations

import glob
import os
import re
import secrets
import shutil
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from shouhu.localstack._common import (
    ManagedProcess,
    Restart,
    StartupError,
    apt_install,
    free_port,
    is_root,
    make_temp_dir,
    provider,
    register_cleanup,
    remove_dir,
    restartable,
    run,
    unregister_cleanup,
)

ENV_URL = "SHOUHU_POSTGRES_URL"
IMAGE = os.environ.get("SHOUHU_POSTGRES_IMAGE", "postgres:16-alpine")
SERVER_SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "300",
}


@dataclass
class PostgresHandle:
    """A running PostgreSQL server reachable with a superuser."""

    host: str
    port: int
    user: str
    password: str
    provider: str = "local"
    _stop: Callable[[], None] = field(default=lambda: None, repr=False)
    _restart: Restart | None = field(default=None, repr=False)

    def halt(self) -> None:
        """Stop the server, keeping its files, as an outage would (a local server only)."""
        restartable(self._restart, "postgres", self.provider).halt()

    def resume(self) -> None:
        """Start the halted server again on the same port and files; wait until it accepts."""
        restartable(self._restart, "postgres", self.provider).resume()

    def url(self, database: str = "postgres", driver: str | None = "psycopg") -> str:
        """Return a SQLAlchemy URL (driver=None gives a plain libpq URL)."""
        scheme = f"postgresql+{driver}" if driver else "postgresql"
        auth = f"{quote(self.user, safe='')}:{quote(self.password, safe='')}"
        return f"{scheme}://{auth}@{self.host}:{self.port}/{database}"

    @property
    def server_url(self) -> str:
        """A libpq URL of the server's postgres database (what SHOUHU_POSTGRES_URL holds)."""
        return self.url("postgres", driver=None)

    def connect(self, database: str = "postgres", **kwargs: Any) -> Any:
        """Open a psycopg connection as the superuser."""
        import psycopg

        return psycopg.connect(
            host=self.host,
            port=self.port,
            user=self.user,
            password=self.password,
            dbname=database,
            connect_timeout=10,
            **kwargs,
        )

    def create_database(self, name: str) -> str:
        """Create a database (if missing) and return its SQLAlchemy psycopg URL."""
        from psycopg import sql

        with self.connect(autocommit=True) as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (name,)
            ).fetchone()
            if not exists:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url(name)

    def stop(self) -> None:
        """Stop the server (if this process started it) and remove its files."""
        stop, self._stop = self._stop, lambda: None
        unregister_cleanup(self)
        stop()


def start_postgres() -> PostgresHandle:
    """Start (or attach to) PostgreSQL: SHOUHU_POSTGRES_URL, else Docker, else local."""
    chosen = provider(ENV_URL)
    if chosen == "env":
        return from_url(os.environ[ENV_URL])
    if chosen == "docker":
        try:
            return start_docker()
        except ImportError as exc:
            print(
                f"[localstack] Docker answers but {exc}; running a local process", file=sys.stderr
            )
    return start_local()


def from_url(url: str) -> PostgresHandle:
    """Attach to a running server given a URL with a superuser (nothing is stopped)."""
    parts = urlsplit(re.sub(r"^postgres(ql)?(\+\w+)?://", "postgresql://", url))
    return PostgresHandle(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=unquote(parts.username or "postgres"),
        password=unquote(parts.password or ""),
        provider="env",
    )


def start_docker() -> PostgresHandle:
    """Start a PostgreSQL testcontainer."""
    try:
        from testcontainers.community.postgres import PostgresContainer
    except ImportError:
        from testcontainers.postgres import PostgresContainer

    password = secrets.token_hex(12)
    container = PostgresContainer(
        IMAGE, username="shouhu", password=password, dbname="postgres", driver="psycopg"
    )
    settings = {**SERVER_SETTINGS, "listen_addresses": "*"}
    container.with_command("postgres " + " ".join(f"-c {k}={v}" for k, v in settings.items()))
    container.start()
    handle = PostgresHandle(
        host=container.get_container_host_ip(),
        port=int(container.get_exposed_port(5432)),
        user="shouhu",
        password=password,
        provider="docker",
        _stop=container.stop,
    )
    register_cleanup(handle, handle.stop)
    return handle


def find_bindir() -> Path | None:
    """Return the newest Debian PostgreSQL bin folder (or one on PATH), if any."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/postgres"),
        key=lambda p: int(re.sub(r"\D", "", Path(p).parent.parent.name) or 0),
    )
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("postgres")
    if on_path and shutil.which("initdb"):
        return Path(os.path.realpath(on_path)).parent
    return None


def ensure_bindir() -> Path:
    """Return PostgreSQL's bin folder, installing Debian's postgresql when root and missing."""
    bindir = find_bindir()
    if bindir is not None:
        return bindir
    if is_root():
        # Do not let the package create and start its own "main" cluster.
        conf_d = Path("/etc/postgresql-common/createcluster.d")
        conf_d.mkdir(parents=True, exist_ok=True)
        (conf_d / "shouhu-no-main-cluster.conf").write_text("create_main_cluster = false\n")
    apt_install("postgresql")
    bindir = find_bindir()
    if bindir is None:
        raise StartupError("postgresql was installed but no server binaries were found")
    return bindir


def start_local(timeout: float = 120) -> PostgresHandle:
    """initdb a throwaway cluster in a temp dir and run it on 127.0.0.1:<free port>."""
    bindir = ensure_bindir()
    user = "postgres" if is_root() else None
    root = make_temp_dir("shouhu-pg-")
    data = root / "data"
    log_path = root / "postgres.log"
    password = secrets.token_hex(12)
    restart: Restart | None = None
    try:
        pwfile = root / "pwfile"
        pwfile.write_text(secrets.token_hex(12) + "\n")
        if user:
            _ensure_user(user)
            shutil.chown(root, user)
            shutil.chown(pwfile, user)
        run(
            [
                bindir / "initdb",
                "-D",
                data,
                "-U",
                "postgres",
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                f"--pwfile={pwfile}",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
            user=user,
            cwd=root,
            timeout=120,
        )
        port = free_port()
        settings = {**SERVER_SETTINGS, "port": str(port), "unix_socket_directories": str(root)}
        cmd: list[str | os.PathLike[str]] = [bindir / "postgres", "-D", data]
        for key, value in settings.items():
            cmd += ["-c", f"{key}={value}"]

        def launch() -> ManagedProcess:
            # SIGINT is PostgreSQL's "fast" shutdown: it does not wait for clients to leave.
            return ManagedProcess(
                "postgres", cmd, log_path, cwd=root, user=user, stop_signal=signal.SIGINT
            )

        def ready(started: ManagedProcess) -> None:
            started.wait_until(
                lambda: _accepts(bindir, root, port), timeout, "accepting connections"
            )

        restart = Restart(launch, ready)
        _create_role(root, port, password)
    except BaseException:
        if restart is not None:
            restart.halt()
        remove_dir(root)
        raise

    def stop() -> None:
        assert restart is not None
        restart.halt()
        remove_dir(root)

    handle = PostgresHandle("127.0.0.1", port, "shouhu", password, "local", stop, restart)
    register_cleanup(handle, handle.stop)
    return handle


def _ensure_user(user: str) -> None:
    """Create the system user that runs the server if it is missing (root only)."""
    import pwd

    try:
        pwd.getpwnam(user)
    except KeyError:
        run(["useradd", "--system", "--user-group", "--no-create-home", user])


def _accepts(bindir: Path, socket_dir: Path, port: int) -> bool:
    """Tell whether the server accepts connections on its unix socket."""
    run([bindir / "pg_isready", "-q", "-h", socket_dir, "-p", str(port)], timeout=10)
    return True


def _create_role(socket_dir: Path, port: int, password: str) -> None:
    """Create the superuser role shouhu over the unix socket (trust auth)."""
    import psycopg
    from psycopg import sql

    deadline = time.monotonic() + 20
    while True:
        try:
            conn = psycopg.connect(
                host=str(socket_dir), port=port, user="postgres", dbname="postgres", autocommit=True
            )
            break
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    with conn:
        conn.execute(
            sql.SQL("CREATE ROLE shouhu WITH SUPERUSER LOGIN PASSWORD {}").format(
                sql.Literal(password)
            )
        )
