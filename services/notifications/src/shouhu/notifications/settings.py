"""Settings of notifications."""

from pydantic import Field

from shouhu.platform.settings import ServiceSettings


class NotificationsSettings(ServiceSettings):
    """Notifications settings; `SHOUHU_*` variables."""

    service_name: str = "notifications"
    database_url: str = "sqlite:///./data/notifications.db"
    # The live stream (docs/notifications.md "Live"): how often the hub looks for new rows; how
    # often an idle stream says it is alive (the gateway's read timeout must be longer); how long
    # a missing seq may still be a transaction committing before the hub moves past it.
    live_poll_seconds: float = Field(default=0.05, gt=0)
    live_heartbeat_seconds: float = Field(default=15.0, gt=0)
    live_gap_grace_seconds: float = Field(default=10.0, ge=0)
