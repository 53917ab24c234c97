"""Validation without redoing the same work for the same document.

The rules that depend on the schema and the document only (the specification's, the depth and
alias limits) are run once per document text and their verdict kept, beside the parser's cache.
What depends on the request (the cost with its variables, introspection by this caller) is the
limits' own check, after this one (`limits.operation`); a rule another extension adds still
runs on every request.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Sequence

from graphql import ASTValidationRule, GraphQLError, specified_rules, validate
from strawberry.extensions import SchemaExtension
from strawberry.extensions.max_aliases import create_validator as alias_limit
from strawberry.extensions.query_depth_limiter import create_validator as depth_limit
from strawberry.schema.validation_rules.maybe_null import MaybeNullValidationRule
from strawberry.schema.validation_rules.one_of import OneOfInputValidationRule

DOCUMENTS = 512  # distinct documents kept; the console and department systems send few
Rules = tuple[type[ASTValidationRule], ...]


def document_rules(max_depth: int, max_aliases: int) -> Rules:
    """Every rule whose verdict depends on the document alone."""
    return (
        *specified_rules,
        MaybeNullValidationRule,
        OneOfInputValidationRule,
        depth_limit(max_depth, None),
        alias_limit(max_aliases),
    )


class CachedValidation(SchemaExtension):
    """Validates as Strawberry would, the document's own verdict from a per-process cache."""

    def __init__(self, rules: Rules, verdicts: OrderedDict[str, list[GraphQLError]]) -> None:
        self.rules = rules
        self.verdicts = verdicts

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if context.pre_execution_errors is None and document is not None and context.query:
            schema = context.schema._schema
            errors = self.verdicts.get(context.query)
            if errors is None:
                errors = validate(schema, document, self.rules)
                self.verdicts[context.query] = errors
                if len(self.verdicts) > DOCUMENTS:
                    self.verdicts.popitem(last=False)
            else:
                self.verdicts.move_to_end(context.query)
            if errors:
                # Errors are changed on their way out (codes, no suggestions): each its own.
                context.pre_execution_errors = [_fresh(e) for e in errors]
            else:
                own = _request_rules(context.validation_rules)
                context.pre_execution_errors = validate(schema, document, own) if own else []
        yield


def _request_rules(rules: Sequence[type[ASTValidationRule]]) -> list[type[ASTValidationRule]]:
    """What extensions added for this request (Strawberry starts from the specified rules)."""
    return [r for r in rules if r not in specified_rules]


def _fresh(error: GraphQLError) -> GraphQLError:
    return GraphQLError(
        error.message,
        error.nodes,
        error.source,
        error.positions,
        error.path,
        error.original_error,
        dict(error.extensions or {}),
    )
