"""Settings of volunteers."""

from shouhu.platform.settings import ServiceSettings


class VolunteersSettings(ServiceSettings):
    """Volunteers settings; `SHOUHU_*` variables."""

    service_name: str = "volunteers"
    database_url: str = "sqlite:///./data/volunteers.db"
