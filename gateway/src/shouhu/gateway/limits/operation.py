"""The schema extension that applies the limits to each operation before it runs.

- Cost: after the document's validation, `cost.analyse` and `cost.refusals` refuse pages over
  their limit and operations over the budget, `VALIDATION_FAILED`.
- Time: the operation's fields decide its time budget (`budget.extend_for`).
- WebSocket: subscriptions only (`VALIDATION_FAILED` otherwise). A query or mutation runs over
  HTTP, under the rate limit, the body cap and the time budget, which a socket would skip.
- Production: no introspection for people (`FORBIDDEN`; department service accounts may), no
  "Did you mean …" suggestions in any message, and a department service account runs only the
  documents registered for it (`trusted`, `FORBIDDEN` otherwise). A document named only by its
  hash is looked up in the registered documents, for anyone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLError,
    OperationDefinitionNode,
    OperationType,
    ValidationRule,
    get_named_type,
    is_introspection_type,
    parse,
    validate,
)
from strawberry.extensions import SchemaExtension

from shouhu.gateway.limits import budget
from shouhu.gateway.limits.cost import (
    Analysis,
    CostLimits,
    analyse,
    refusals,
    select_operation,
)
from shouhu.gateway.limits.trusted import TrustedDocuments
from shouhu.platform.auth import Principal
from shouhu.platform.errors import Forbidden, ShouhuError, ValidationFailed

SERVICE_ACCOUNT_PREFIX = "service-account-"
NO_INTROSPECTION = "生产环境不对个人用户开放架构查询（内省）"
NOT_REGISTERED = "该操作未为本系统登记，不能执行；请按《网关文档》登记操作后再调用"
UNKNOWN_HASH = "未找到该哈希对应的已登记查询文档"
SUBSCRIPTIONS_ONLY = "WebSocket 连接只用于订阅；查询和变更请通过 HTTP 发送"
_SUGGESTION = re.compile(r"\s*Did you mean .*$", re.DOTALL)


def is_service_account(principal: Principal | None) -> bool:
    """A department system: Keycloak names a client's service account `service-account-<id>`.

    A person signs in through `shouhu-console` (`azp`), so a person's username would have to be
    `service-account-shouhu-console` to pass; Keycloak reserves that prefix for service accounts.
    """
    return (
        principal is not None
        and bool(principal.client_id)
        and principal.username == SERVICE_ACCOUNT_PREFIX + principal.client_id
    )


def caller(context: Any) -> Principal | None:
    """The verified caller of the request, if any (the context verified the token)."""
    try:
        principal = context.principal
    except (ShouhuError, AttributeError):
        return None
    return principal if isinstance(principal, Principal) else None


def over_websocket(context: Any) -> bool:
    """Whether the operation came over a WebSocket (the request of its context is one)."""
    request = getattr(context, "request", None)
    return request is not None and request.scope.get("type") == "websocket"


def without_suggestions(message: str) -> str:
    return _SUGGESTION.sub("", message)


class NoIntrospection(ValidationRule):
    """Refuses `__schema`, `__type` and any field of an introspection type, as `FORBIDDEN`."""

    refused = False

    def enter_field(self, node: FieldNode, *_args: Any) -> None:
        type_ = get_named_type(self.context.get_type())
        if not self.refused and type_ is not None and is_introspection_type(type_):
            self.refused = True  # once per document
            self.report_error(
                GraphQLError(NO_INTROSPECTION, node, original_error=Forbidden(NO_INTROSPECTION))
            )


def introspection_only(document: str) -> bool:
    """True when every operation asks only for `__schema`, `__type` or `__typename`."""
    try:
        parsed = parse(document, no_location=True)
    except GraphQLError:
        return False
    operations = [d for d in parsed.definitions if isinstance(d, OperationDefinitionNode)]
    return bool(operations) and all(
        isinstance(s, FieldNode) and s.name.value.startswith("__")
        for o in operations
        for s in o.selection_set.selections
    )


@dataclass(frozen=True)
class OperationPolicy:
    """What `OperationLimits` enforces, from the settings."""

    cost: CostLimits = field(default_factory=CostLimits)
    production: bool = False
    trusted: TrustedDocuments = field(default_factory=TrustedDocuments)


class OperationLimits(SchemaExtension):
    """One per request: cost, time budget, and the production lockdown."""

    def __init__(self, policy: OperationPolicy) -> None:
        self.policy = policy
        self.analyses: list[Analysis] = []
        self.people_may_not_introspect = False

    def _refuse(self, error: ShouhuError) -> None:
        context = self.execution_context
        if not context.query and context.graphql_document is None:
            context.query = "{ __typename }"  # the errors below answer; nothing runs
        context.pre_execution_errors = [GraphQLError(error.message, original_error=error)]

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        principal = caller(context.context)
        service = is_service_account(principal)
        production = self.policy.production
        if not context.query and context.graphql_document is None:
            digest = _requested_hash(context.operation_extensions)
            document = self.policy.trusted.by_hash(digest) if digest else None
            if document is not None:
                context.query = document.document
            elif digest:
                self._refuse(
                    Forbidden(NOT_REGISTERED) if service else ValidationFailed(UNKNOWN_HASH)
                )
        if (
            production
            and service
            and principal is not None
            and context.pre_execution_errors is None
            and context.query
            and not self.policy.trusted.allows(principal.client_id, context.query)
            and not introspection_only(context.query)
        ):
            self._refuse(Forbidden(NOT_REGISTERED))
        self.people_may_not_introspect = production and not service
        yield
        if production:
            _strip_suggestions(context.result)

    def on_validate(self) -> Iterator[None]:
        """After the document's own validation: its cost, and introspection by a person.

        Runs after `CachedValidation` (later in the schema's extensions), before the verdict is
        read. Not validation rules: a rule makes graphql-core walk the document with its type
        information again on every request, where the cost needs one walk of its own and
        introspection needs none unless the document names it.
        """
        context = self.execution_context
        document = context.graphql_document
        if not context.pre_execution_errors and document is not None:
            # A list, even empty: None would have Strawberry validate the document all again.
            context.pre_execution_errors = [
                *(context.pre_execution_errors or []),
                *self._refusals(document),
            ]
        yield

    def _refusals(self, document: DocumentNode) -> list[GraphQLError]:
        context = self.execution_context
        errors: list[GraphQLError] = []
        operation = select_operation(document, context.operation_name)
        if operation is not None:  # none or ambiguous: execution says so
            schema = context.schema._schema
            analysis = analyse(schema, document, operation, context.variables, self.policy.cost)
            self.analyses.append(analysis)
            errors += refusals(analysis, operation, self.policy.cost)
            if operation.operation is not OperationType.SUBSCRIPTION and over_websocket(
                context.context
            ):
                error = ValidationFailed(SUBSCRIPTIONS_ONLY)
                errors.append(GraphQLError(SUBSCRIPTIONS_ONLY, operation, original_error=error))
        if self.people_may_not_introspect and _names_introspection(context.query or ""):
            errors += validate(context.schema._schema, document, [NoIntrospection])
        return errors

    def on_execute(self) -> Iterator[None]:
        for analysis in self.analyses:
            budget.extend_for(analysis.coordinates)
        yield


def _names_introspection(query: str) -> bool:
    """Whether a document may ask for the schema (`__typename` alone is no introspection)."""
    return "__schema" in query or "__type" in query.replace("__typename", "")


def _requested_hash(extensions: dict[str, Any] | None) -> str | None:
    """`extensions.persistedQuery.sha256Hash`, or `documentId` (moved there from the body)."""
    if not extensions:
        return None
    persisted = extensions.get("persistedQuery")
    if isinstance(persisted, dict) and isinstance(persisted.get("sha256Hash"), str):
        return str(persisted["sha256Hash"])
    document_id = extensions.get("documentId")
    return document_id if isinstance(document_id, str) else None


def _strip_suggestions(result: Any) -> None:
    for error in getattr(result, "errors", None) or []:
        error.message = without_suggestions(error.message)
