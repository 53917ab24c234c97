"""API shapes of organisations."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from shouhu.platform.mobile import MobileNumber
from shouhu.platform.schemas import DIVISION_CODE, DIVISION_CODE_SAID, Camel, Input, Said


class OrganisationKind(StrEnum):
    """What an organisation is (组织类型)."""

    YOUTH_LEAGUE = "YOUTH_LEAGUE"  # 团区委
    TRADE_UNION = "TRADE_UNION"  # 总工会
    WOMENS_FEDERATION = "WOMENS_FEDERATION"  # 妇联
    DISABLED_PERSONS_FEDERATION = "DISABLED_PERSONS_FEDERATION"  # 残联
    SOCIAL_WORK_AGENCY = "SOCIAL_WORK_AGENCY"  # 社会工作服务机构
    CHARITY = "CHARITY"  # 慈善组织
    ENTERPRISE = "ENTERPRISE"  # 爱心企业
    CHILDRENS_HOME = "CHILDRENS_HOME"  # 儿童之家 (in a village)


# The federations, one each per district: seeded, never created; each acted for by its role.
FEDERATION_KINDS: dict[OrganisationKind, str] = {
    OrganisationKind.YOUTH_LEAGUE: "youth_league",
    OrganisationKind.TRADE_UNION: "trade_union",
    OrganisationKind.WOMENS_FEDERATION: "womens_federation",
    OrganisationKind.DISABLED_PERSONS_FEDERATION: "disabled_persons_federation",
}


class ActingRole(StrEnum):
    """The federation that acts for an organisation's records, by its role (`role`)."""

    YOUTH_LEAGUE = "YOUTH_LEAGUE"
    TRADE_UNION = "TRADE_UNION"
    WOMENS_FEDERATION = "WOMENS_FEDERATION"
    DISABLED_PERSONS_FEDERATION = "DISABLED_PERSONS_FEDERATION"

    @property
    def role(self) -> str:
        """The realm role (`shouhu.platform.auth.Role`) the organisation's row stores."""
        return self.value.lower()


OrganisationName = Annotated[
    str, Field(min_length=2, max_length=100), Said("组织名称应为2至100个字符")
]
ContactName = Annotated[str, Field(min_length=1, max_length=50), Said("联系人姓名应为1至50个字符")]


class OrganisationInput(Input):
    """`createOrganisation`: a new organisation, acted for by one of the caller's roles."""

    kind: OrganisationKind
    name: OrganisationName
    division_code: Annotated[str, Field(pattern=DIVISION_CODE), Said(DIVISION_CODE_SAID)]
    contact_name: ContactName | None = None
    contact_mobile: MobileNumber | None = None
    acting_role: ActingRole | None = Field(
        default=None, description="The caller's own federation role when not given"
    )


class OrganisationOut(Camel):
    """An organisation; the contact's mobile masked unless the caller acts for it."""

    id: str
    kind: OrganisationKind
    name: str
    division_code: str
    division_name: str
    contact_name: str | None
    contact_mobile: str | None
    acting_role: ActingRole
    demo: bool
    version: int
    created_at: datetime
