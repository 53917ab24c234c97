"""Settings of volunteers."""

from shouhu.platform.settings import ServiceSettings


class VolunteersSettings(ServiceSettings):
    """Volunteers settings; `SHOUHU_*` variables."""

    service_name: str = "volunteers"
    database_url: str = "sqlite:///./data/volunteers.db"
    # How often the daily vetting job looks whether its day has come (it acts once a day).
    vetting_every_seconds: float = 600.0
