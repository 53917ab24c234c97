"""Query cost analysis: what an operation may cost before any of it runs.

The formula, for the operation about to run (fragments counted where they are spread):

    cost(selections) = Σ over the fields selected:  1 + m(field) × cost(field's selections)

`m(field)`, how many times the field's selections are resolved:

- a field with a `first` argument (a connection or a bounded list): its value, with variables
  resolved, else the operation's default for the variable, else the argument's default in the
  schema; `first: null` counts `default_list_size`;
- a list field of a known small reference list (`REFERENCE_LIST_SIZES`): that size;
- a list inside a connection (`edges`): 1, the page was counted on the connection's `first`;
- any other list (a record's parts, read with it in one batch): `default_list_size` (10);
- anything else: 1.

So a leaf costs 1, nested lists multiply, and the budget (`max_query_cost`, 20,000) refuses an
operation that would fan out into tens of thousands of resolutions. With the sizes below,
`{ divisions { children { workforce { divisionCode } } } }` costs 1 + 15 × (1 + 51 × (1 + 5 × 1))
= 4,606, and a page of 100 children with their classifications, visits, plan and benefits about
10,600: under the budget, since batching makes them one call per service per level. One more
level of `children` is far over it, and so are three aliases of the tree with the holders' names.
`first` above `max_page_size` (100; `PAGE_SIZE_LIMITS` for bulk pages) is refused by itself,
naming the argument.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    NullValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
    value_from_ast_untyped,
)
from graphql.pyutils import Undefined

from shouhu.platform.errors import ValidationFailed

# Lists whose size is known and small, by field coordinate: the district has 13 towns and
# streets (镇街), the largest has 51 villages and communities, a post has a few holders.
REFERENCE_LIST_SIZES: dict[str, int] = {
    "Query.divisions": 15,
    "Division.children": 51,
    "Division.workforce": 5,
    "Query.programmes": 10,
    "Query.visitPolicy": 5,
    "Query.aidStandards": 6,
}
# Pages larger than `max_page_size`, by field coordinate: the finance office reads a district's
# payment lines (benefits' months, education's semesters) in pages of up to 1,000 flat rows.
PAGE_SIZE_LIMITS: dict[str, int] = {"PaymentBatch.lines": 1000, "AidSemester.lines": 1000}


@dataclass(frozen=True)
class CostLimits:
    """The numbers the analysis uses (GatewaySettings: max_query_cost, max_page_size, …)."""

    budget: int = 20_000
    max_page_size: int = 100
    default_list_size: int = 10


@dataclass
class Analysis:
    """What one operation costs, the fields it selects, and its pages over their limit."""

    cost: int = 0
    coordinates: set[str] = field(default_factory=set)
    page_errors: dict[str, str] = field(default_factory=dict)


class _Walker:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: Mapping[str, Any],
        limits: CostLimits,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.limits = limits
        self.analysis = Analysis()
        self._spreading: list[str] = []

    def selections(
        self, selection_set: SelectionSetNode, parent: GraphQLNamedType | None, path: str
    ) -> int:
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self.field(selection, parent, path)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                on = self.schema.get_type(condition.name.value) if condition else parent
                total += self.selections(selection.selection_set, on, path)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in self._spreading:  # a cycle: validation says so
                    continue
                self._spreading.append(name)
                on = self.schema.get_type(fragment.type_condition.name.value)
                total += self.selections(fragment.selection_set, on, path)
                self._spreading.pop()
        return total

    def field(self, node: FieldNode, parent: GraphQLNamedType | None, path: str) -> int:
        name = node.name.value
        if name.startswith("__") or not isinstance(
            parent, GraphQLObjectType | GraphQLInterfaceType
        ):
            return 1
        definition = parent.fields.get(name)
        if definition is None:  # unknown: validation reports it
            return 1
        coordinate = f"{parent.name}.{name}"
        here = f"{path}.{node.alias.value if node.alias else name}".lstrip(".")
        self.analysis.coordinates.add(coordinate)
        times = self.multiplier(node, definition, parent, coordinate, here)
        inner = 0
        if node.selection_set is not None:
            inner = self.selections(node.selection_set, get_named_type(definition.type), here)
        return 1 + times * inner

    def multiplier(
        self,
        node: FieldNode,
        definition: GraphQLField,
        parent: GraphQLNamedType,
        coordinate: str,
        path: str,
    ) -> int:
        if "first" in definition.args:
            first = self.first(node, definition)
            if first is None:
                return self.limits.default_list_size
            limit = PAGE_SIZE_LIMITS.get(coordinate, self.limits.max_page_size)
            if first > limit:
                self.analysis.page_errors[f"{path}.first"] = f"每页最多{limit}条"
            return max(first, 0)
        if not isinstance(get_nullable_type(definition.type), GraphQLList):
            return 1
        if coordinate in REFERENCE_LIST_SIZES:
            return REFERENCE_LIST_SIZES[coordinate]
        if parent.name.endswith("Connection"):
            return 1
        return self.limits.default_list_size

    def first(self, node: FieldNode, definition: GraphQLField) -> int | None:
        argument = next((a for a in node.arguments or () if a.name.value == "first"), None)
        value: Any
        if argument is None:
            value = _schema_default(definition.args["first"])
        elif isinstance(argument.value, VariableNode):
            value = self.variables.get(argument.value.name.value)
        elif isinstance(argument.value, IntValueNode):
            value = int(argument.value.value)
        elif isinstance(argument.value, NullValueNode):
            value = None
        else:
            value = None
        return value if isinstance(value, int) and not isinstance(value, bool) else None


def _schema_default(argument: Any) -> Any:
    default = getattr(argument, "default", None)
    if default is not None:
        if default.value is not Undefined:
            return default.value
        if default.literal is not None:
            return value_from_ast_untyped(default.literal)
    value = getattr(argument, "default_value", Undefined)
    return None if value is Undefined else value


def operation_variables(
    operation: OperationDefinitionNode, variables: Mapping[str, Any] | None
) -> dict[str, Any]:
    """The request's variables, with the operation's defaults for those not given."""
    found: dict[str, Any] = {}
    for definition in operation.variable_definitions or ():
        name = definition.variable.name.value
        if variables is not None and name in variables:
            found[name] = variables[name]
        elif definition.default_value is not None:
            found[name] = value_from_ast_untyped(definition.default_value)
    return found


def select_operation(
    document: DocumentNode, operation_name: str | None
) -> OperationDefinitionNode | None:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name:
        return next((o for o in operations if o.name and o.name.value == operation_name), None)
    return operations[0] if len(operations) == 1 else None


def analyse(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Mapping[str, Any] | None,
    limits: CostLimits,
) -> Analysis:
    """The cost of `operation` in `document`, with `variables` as the request gives them."""
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    root = schema.get_root_type(operation.operation)
    walker = _Walker(schema, fragments, operation_variables(operation, variables), limits)
    walker.analysis.cost = walker.selections(operation.selection_set, root, "")
    return walker.analysis


def refusals(
    analysis: Analysis, operation: OperationDefinitionNode, limits: CostLimits
) -> list[GraphQLError]:
    """A page over its limit and an operation over the budget, as `VALIDATION_FAILED`."""
    errors = []
    if analysis.page_errors:
        names = "、".join(analysis.page_errors)
        message = f"参数 first 超过每页上限（{names}）"
        error = ValidationFailed(message, fields=analysis.page_errors)
        errors.append(GraphQLError(message, operation, original_error=error))
    if analysis.cost > limits.budget:
        message = f"查询代价为{analysis.cost}，超过上限{limits.budget}，请减少嵌套或分页"
        error = ValidationFailed(message, extra={"cost": analysis.cost, "budget": limits.budget})
        errors.append(GraphQLError(message, operation, original_error=error))
    return errors
