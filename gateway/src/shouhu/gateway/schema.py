"""The one GraphQL schema over the services."""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable, Sequence

import strawberry
import strawberry.schema.name_converter
from graphql import GraphQLError
from strawberry.extensions import MaxTokensLimiter, ParserCache, SchemaExtension
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types

from shouhu.gateway.access import queries as access
from shouhu.gateway.benefits import mutations as benefits_mutations
from shouhu.gateway.benefits import queries as benefits
from shouhu.gateway.caring import mutations as caring_mutations
from shouhu.gateway.caring import queries as caring_queries
from shouhu.gateway.cases import mutations as cases_mutations
from shouhu.gateway.cases import queries as cases
from shouhu.gateway.children import mutations as children_mutations
from shouhu.gateway.children import queries as children
from shouhu.gateway.common import Ctx
from shouhu.gateway.divisions import queries as divisions
from shouhu.gateway.education import mutations as education_mutations
from shouhu.gateway.education import queries as education
from shouhu.gateway.errors import ErrorCodes
from shouhu.gateway.intakes import mutations as intakes_mutations
from shouhu.gateway.intakes import queries as intakes
from shouhu.gateway.ledger import mutations as ledger_mutations
from shouhu.gateway.notifications import mutations as notifications_mutations
from shouhu.gateway.notifications import queries as notifications
from shouhu.gateway.notifications import subscriptions as notifications_subscriptions
from shouhu.gateway.pairing import mutations as pairing_mutations
from shouhu.gateway.pairing import queries as pairing_queries
from shouhu.gateway.plans import mutations as plans_mutations
from shouhu.gateway.statistics import queries as statistics
from shouhu.gateway.validation import DOCUMENTS, CachedValidation, document_rules
from shouhu.gateway.visits import mutations as visits_mutations
from shouhu.gateway.visits import queries as visits
from shouhu.gateway.volunteers import mutations as volunteers_mutations
from shouhu.gateway.volunteers import queries as volunteers
from shouhu.gateway.workforce import mutations as workforce_mutations
from shouhu.gateway.workforce import queries as workforce


@strawberry.type(description="The caller: username, roles and division")
class Principal:
    username: str
    roles: list[str]
    division_code: str


@strawberry.type
class MeQuery:
    @strawberry.field(description="The caller")
    def me(self, info: Ctx) -> Principal:
        p = info.context.principal
        return Principal(username=p.username, roles=sorted(p.roles), division_code=p.division_code)


Query = merge_types(
    "Query",
    (
        MeQuery,
        divisions.Query,
        children.Query,
        statistics.Query,
        access.Query,
        notifications.Query,
        benefits.Query,
        education.Query,
        visits.Query,
        workforce.Query,
        intakes.Query,
        cases.Query,
        volunteers.Query,
        caring_queries.Query,
        pairing_queries.Query,
    ),
)
Mutation = merge_types(
    "Mutation",
    (
        children_mutations.Mutation,
        notifications_mutations.Mutation,
        benefits_mutations.Mutation,
        education_mutations.Mutation,
        visits_mutations.Mutation,
        plans_mutations.Mutation,
        workforce_mutations.Mutation,
        ledger_mutations.Mutation,
        intakes_mutations.Mutation,
        cases_mutations.Mutation,
        volunteers_mutations.Mutation,
        caring_mutations.Mutation,
        pairing_mutations.Mutation,
    ),
)
Subscription = merge_types("Subscription", (notifications_subscriptions.Subscription,))


class NameConverter(strawberry.schema.name_converter.NameConverter):
    """Strawberry's names, each worked out once: it converts every argument on every call."""

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one converter per schema, kept for good
    def apply_naming_config(self, name: str) -> str:
        return super().apply_naming_config(name)


def build_schema(
    max_depth: int = 10, limits: Sequence[Callable[[], SchemaExtension]] = ()
) -> strawberry.Schema:
    """The schema with its limits (`shouhu.gateway.limits.schema_extensions`) and error codes."""
    rules = document_rules(max_depth, max_aliases=50)
    verdicts: OrderedDict[str, list[GraphQLError]] = OrderedDict()
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        config=StrawberryConfig(name_converter=NameConverter()),
        extensions=[
            lambda: ParserCache(maxsize=DOCUMENTS),
            lambda: MaxTokensLimiter(max_token_count=5000),
            # The document's own verdict first; then the limits judge the request (cost with its
            # variables, who asks); ErrorCodes last, so it codes every error they raise.
            lambda: CachedValidation(rules, verdicts),
            *limits,
            ErrorCodes,
        ],
    )


schema = build_schema()
