"""Settings of the gateway."""

from shouhu.platform.settings import ServiceSettings


class GatewaySettings(ServiceSettings):
    """Gateway settings; `SHOUHU_*` variables. Service URLs are the services' base URLs."""

    service_name: str = "gateway"
    registry_url: str = "http://127.0.0.1:8001"
    benefits_url: str = "http://127.0.0.1:8002"
    education_url: str = "http://127.0.0.1:8003"
    volunteers_url: str = "http://127.0.0.1:8004"
    notifications_url: str = "http://127.0.0.1:8005"
    max_query_depth: int = 10
    service_timeout_seconds: float = 10.0

    def service_urls(self) -> dict[str, str]:
        """Base URL of every service, by name."""
        return {
            "registry": self.registry_url,
            "benefits": self.benefits_url,
            "education": self.education_url,
            "volunteers": self.volunteers_url,
            "notifications": self.notifications_url,
        }
