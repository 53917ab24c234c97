"""Which programmes could tell a subtype from the one it is disclosed as, read from the rules.

Pure: the rules and the disclosure table (policy.DISCLOSED_AS) in, the programmes the rules treat
apart out. A programme is treated apart when one of its conditions or share tiers names one of a
pair and not the other, by subtype or by group. Its exclusive group then decides differently too:
every member and every programme not combinable beside the winner may change outcome, and the
stacking exceptions' reasons name the winner.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from shouhu.benefits.rules.engine import GROUP_OF
from shouhu.benefits.rules.schema import Condition, ProgrammeCode, Rules, ShareTier, Subtype


@dataclass(frozen=True)
class Apart:
    """The programmes whose decision could differ between a subtype and what it is shown as."""

    outcome: frozenset[ProgrammeCode] = frozenset()  # whether granted: the whole decision
    amount: frozenset[ProgrammeCode] = frozenset()  # the share, the amount and their reasons
    reasons: frozenset[ProgrammeCode] = frozenset()  # the reasons only (they name a winner)

    @property
    def programmes(self) -> frozenset[ProgrammeCode]:
        return self.outcome | self.amount | self.reasons


NOTHING_APART = Apart()


def _names_one(clause: Condition | ShareTier, pair: tuple[Subtype, Subtype]) -> bool:
    """The clause names one of the pair and not the other, by subtype or by group."""
    a, b = pair
    by_subtype = (a in clause.subtypes) != (b in clause.subtypes)
    return by_subtype or (GROUP_OF[a] in clause.groups) != (GROUP_OF[b] in clause.groups)


def treated_apart(rules: Rules, disclosed_as: Mapping[str, str]) -> Apart:
    """The programmes of these rules that treat a subtype apart from what it is disclosed as."""
    pairs = [(Subtype(a), Subtype(b)) for a, b in disclosed_as.items()]

    def apart(clauses: Sequence[Condition | ShareTier]) -> bool:
        return any(_names_one(c, pair) for c in clauses for pair in pairs)

    outcome = {p.code for p in rules.programmes if apart(p.eligible_if_any)}
    amount = {p.code for p in rules.programmes if apart(p.share_by_category)}
    reasons: set[ProgrammeCode] = set()
    changed = True
    while changed:  # a group may make programmes of another group of its category apart
        changed = False
        for group in rules.exclusive_groups:
            if not set(group.members) & (outcome | amount):
                continue
            decided = set(group.members) | rules.excluded_beside(group)
            reasons |= {e.programme for e in group.stacks_with}
            if not decided <= outcome:
                outcome |= decided
                changed = True
    return Apart(
        outcome=frozenset(outcome),
        amount=frozenset(amount - outcome),
        reasons=frozenset(reasons - outcome - amount),
    )


def check_ledger(rules: Rules, apart: Apart) -> None:
    """`ValueError` when a programme paid in batches is treated apart."""
    # The ledger is read by roles without health detail (a village's lines, the auditor's totals)
    # and its totals are published: a line or an amount there would tell, whoever read it.
    paid = sorted(c for c in apart.outcome | apart.amount if rules.programme(c).paid_in_batches)
    if paid:
        raise ValueError(
            f"按月发放的项目{'、'.join(paid)}的认定或金额可因健康详情（只向部分角色显示的分类"
            "细项）而不同：发放明细和汇总会泄露健康详情，须在规则中同等对待（docs/benefits.md）"
        )
