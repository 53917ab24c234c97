"""Settings of benefits."""

from shouhu.platform.settings import ServiceSettings


class BenefitsSettings(ServiceSettings):
    """Benefits settings; `SHOUHU_*` variables."""

    service_name: str = "benefits"
    database_url: str = "sqlite:///./data/benefits.db"
    calendar_every_seconds: float = 600.0
