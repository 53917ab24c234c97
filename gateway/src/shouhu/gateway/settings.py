"""Settings of the gateway."""

from pydantic import Field

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
    reference_ttl_seconds: float = 300.0  # divisions and programmes, cached per process
    service_connections: int = 32  # per service and process: a burst to one starves no other
    # Limits (shouhu.gateway.limits; docs/gateway.md "Limits").
    max_query_cost: int = Field(default=20_000, ge=1)  # cost of one operation, see limits/cost.py
    max_page_size: int = Field(default=100, ge=1)  # largest `first` of a page
    default_list_size: int = Field(default=10, ge=1)  # what a list without `first` counts
    max_request_bytes: int = Field(default=1024 * 1024, ge=1)  # a JSON body: 1 MiB
    max_upload_bytes: int = Field(default=20 * 1024 * 1024, ge=1)  # a multipart body: 20 MiB
    rate_limit_per_second: float = Field(default=50.0, ge=0)  # per principal; 0 turns it off
    rate_limit_burst: int = Field(default=200, ge=1)
    request_timeout_seconds: float = Field(default=15.0, gt=0)  # per operation
    trusted_documents_file: str = ""  # default: the manifest committed in limits/
    # Subscriptions over WebSocket (docs/gateway.md "Subscriptions"): a connection proves its
    # caller within `ws_init_timeout_seconds`; it runs at most `ws_max_subscriptions` at once; a
    # relayed stream silent past `stream_read_timeout_seconds` is reopened (the notifications
    # service says it is alive every 15 s). Browser pages of other origins may connect only when
    # listed (the token, not a cookie, authenticates, so listing one gives it no one's rights).
    ws_init_timeout_seconds: float = Field(default=10.0, gt=0)
    ws_max_subscriptions: int = Field(default=10, ge=1)
    ws_allowed_origins: list[str] = Field(default_factory=list)
    stream_read_timeout_seconds: float = Field(default=45.0, gt=0)
    # The console at /console/ (docs/console.md): its built files (default gateway/console/dist
    # beside this package), the realm as the browser reaches it (default the issuer) and the
    # realm's client it signs in as; /console/config.json tells the app the last two.
    console_dir: str = ""
    console_authority: str = ""
    console_client_id: str = "shouhu-console"

    def service_urls(self) -> dict[str, str]:
        """Base URL of every service, by name."""
        return {
            "registry": self.registry_url,
            "benefits": self.benefits_url,
            "education": self.education_url,
            "volunteers": self.volunteers_url,
            "notifications": self.notifications_url,
        }
