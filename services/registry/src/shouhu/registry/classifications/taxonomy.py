"""The groups and subtypes of policy 二, with their Chinese names: data, not branches."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class ClassificationGroup(StrEnum):
    """The four hardship groups and left-behind (API.md)."""

    POVERTY = "POVERTY"
    GUARDIANSHIP_LACK = "GUARDIANSHIP_LACK"
    ILLNESS_DISABILITY = "ILLNESS_DISABILITY"
    TEMPORARY = "TEMPORARY"
    LEFT_BEHIND = "LEFT_BEHIND"


class ClassificationSubtype(StrEnum):
    """The named subtypes of each group (API.md)."""

    MINIMUM_SUBSISTENCE_FAMILY = "MINIMUM_SUBSISTENCE_FAMILY"
    LOW_INCOME_FAMILY = "LOW_INCOME_FAMILY"
    ORPHAN = "ORPHAN"
    ABANDONED_INFANT = "ABANDONED_INFANT"
    DE_FACTO_UNSUPPORTED = "DE_FACTO_UNSUPPORTED"
    STREET_CHILD = "STREET_CHILD"
    DISABLED = "DISABLED"
    SERIOUSLY_ILL = "SERIOUSLY_ILL"
    HIV_AFFECTED = "HIV_AFFECTED"
    TRAFFICKING_RESCUED = "TRAFFICKING_RESCUED"
    TEMPORARILY_WITHOUT_FAMILY_SUPPORT = "TEMPORARILY_WITHOUT_FAMILY_SUPPORT"
    BOTH_PARENTS_AWAY = "BOTH_PARENTS_AWAY"
    ONE_AWAY_OTHER_INCAPABLE = "ONE_AWAY_OTHER_INCAPABLE"


class PrimaryCategory(StrEnum):
    """Hardship (困境), left-behind (留守), or neither."""

    HARDSHIP = "HARDSHIP"
    LEFT_BEHIND = "LEFT_BEHIND"
    NONE = "NONE"


G, S = ClassificationGroup, ClassificationSubtype

SUBTYPES: dict[ClassificationGroup, tuple[ClassificationSubtype, ...]] = {
    G.POVERTY: (S.MINIMUM_SUBSISTENCE_FAMILY, S.LOW_INCOME_FAMILY),
    G.GUARDIANSHIP_LACK: (S.ORPHAN, S.ABANDONED_INFANT, S.DE_FACTO_UNSUPPORTED, S.STREET_CHILD),
    G.ILLNESS_DISABILITY: (S.DISABLED, S.SERIOUSLY_ILL, S.HIV_AFFECTED),
    G.TEMPORARY: (S.TRAFFICKING_RESCUED, S.TEMPORARILY_WITHOUT_FAMILY_SUPPORT),
    G.LEFT_BEHIND: (S.BOTH_PARENTS_AWAY, S.ONE_AWAY_OTHER_INCAPABLE),
}
GROUP_OF: dict[ClassificationSubtype, ClassificationGroup] = {
    subtype: group for group, subtypes in SUBTYPES.items() for subtype in subtypes
}
HARDSHIP_GROUPS = frozenset(g for g in ClassificationGroup if g is not G.LEFT_BEHIND)

GROUP_NAMES: dict[ClassificationGroup, str] = {
    G.POVERTY: "家庭贫困",
    G.GUARDIANSHIP_LACK: "监护缺失",
    G.ILLNESS_DISABILITY: "重病残疾",
    G.TEMPORARY: "临时困境",
    G.LEFT_BEHIND: "留守儿童",
}
SUBTYPE_NAMES: dict[ClassificationSubtype, str] = {
    S.MINIMUM_SUBSISTENCE_FAMILY: "低保家庭儿童",
    S.LOW_INCOME_FAMILY: "低收入家庭儿童",
    S.ORPHAN: "孤儿",
    S.ABANDONED_INFANT: "弃婴",
    S.DE_FACTO_UNSUPPORTED: "事实无人抚养儿童",
    S.STREET_CHILD: "流浪儿童",
    S.DISABLED: "残疾儿童",
    S.SERIOUSLY_ILL: "重病儿童",
    S.HIV_AFFECTED: "受艾滋病影响儿童",
    S.TRAFFICKING_RESCUED: "打拐解救儿童",
    S.TEMPORARILY_WITHOUT_FAMILY_SUPPORT: "临时失去家庭依靠儿童",
    S.BOTH_PARENTS_AWAY: "父母双方外出务工",
    S.ONE_AWAY_OTHER_INCAPABLE: "一方外出务工另一方无监护能力",
}
SUBTYPE_BY_NAME: dict[str, ClassificationSubtype] = {v: k for k, v in SUBTYPE_NAMES.items()}


@dataclass(frozen=True)
class Categories:
    """What a set of active classifications makes of a child."""

    primary: PrimaryCategory
    left_behind: bool
    groups: tuple[str, ...]
    subtypes: tuple[str, ...]


def derive(subtypes: Iterable[ClassificationSubtype]) -> Categories:
    """Primary category and left-behind flag (policy 二(二)): hardship wins, left-behind is kept."""
    active = sorted(set(subtypes))
    groups = sorted({GROUP_OF[s] for s in active})
    left_behind = G.LEFT_BEHIND in groups
    if any(g in HARDSHIP_GROUPS for g in groups):
        primary = PrimaryCategory.HARDSHIP
    elif left_behind:
        primary = PrimaryCategory.LEFT_BEHIND
    else:
        primary = PrimaryCategory.NONE
    return Categories(
        primary=primary,
        left_behind=left_behind,
        groups=tuple(g.value for g in groups),
        subtypes=tuple(s.value for s in active),
    )
