"""Settings of notifications."""

from shouhu.platform.settings import ServiceSettings


class NotificationsSettings(ServiceSettings):
    """Notifications settings; `SHOUHU_*` variables."""

    service_name: str = "notifications"
    database_url: str = "sqlite:///./data/notifications.db"
    escalate_every_seconds: float = 5.0
