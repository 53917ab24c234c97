"""Settings of the registry."""

from pydantic import Field

from shouhu.platform.settings import ServiceSettings


class RegistrySettings(ServiceSettings):
    """Registry settings; `SHOUHU_*` variables."""

    service_name: str = "registry"
    database_url: str = "sqlite:///./data/registry.db"
    exit_job_every_seconds: float = 3600.0
    seal_every_seconds: float = 1.0
    # How often the worker looks whether this week's overdue-visit digest is out yet.
    digest_every_seconds: float = 3600.0
    # The district's prefix of receipt numbers (受理编号), as MTG-2026-000123.
    intake_receipt_prefix: str = Field(default="MTG", pattern=r"^[A-Z]{2,8}$")
    # The number a family calls about its application, printed on the receipt: by default
    # Beijing's citizen service hotline (12345), which takes every window's questions.
    intake_window_phone: str = Field(default="12345", min_length=3, max_length=30)
    # The district's own routing of needs to departments (YAML, as intakes/routing.yaml);
    # empty: the default beside the module. Read at start; new applications follow it.
    intake_routing_file: str = ""
    # The district's prefix of case numbers (案件编号), as MTG-BG-2026-000123: a sequence of its
    # own per year in the receipt numbers' table.
    case_number_prefix: str = Field(default="MTG-BG", pattern=r"^[A-Z]{2,4}-[A-Z]{2,3}$")
    # The largest attachment of a report (a photo or a document), and how many a report holds.
    case_attachment_max_bytes: int = Field(default=5 * 1024 * 1024, ge=1024)
    case_attachments_per_report: int = Field(default=5, ge=1, le=50)
    # The district's own case clocks (YAML, as cases/deadlines.yaml); empty: the default.
    case_deadlines_file: str = ""
    # How often the worker looks for interventions whose petition to the court is due.
    petition_job_every_seconds: float = 3600.0
