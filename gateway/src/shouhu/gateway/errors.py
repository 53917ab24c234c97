"""Every GraphQL error carries `extensions.code`; unexpected errors leak nothing."""

from __future__ import annotations

import logging

from graphql.error import GraphQLError
from strawberry.extensions import MaskErrors

from shouhu.platform.errors import ErrorCode, Internal, ShouhuError

log = logging.getLogger(__name__)


class ErrorCodes(MaskErrors):
    """Puts the API code into each error's extensions and masks the unexpected ones."""

    def __init__(self) -> None:
        super().__init__(error_message=Internal.default_message)

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        return [self._coded(error) for error in errors]

    def _coded(self, error: GraphQLError) -> GraphQLError:
        original = error.original_error
        if isinstance(original, ShouhuError):
            body = original.to_dict()
            body.pop("message")
            error.message = original.message
            error.extensions = {**(error.extensions or {}), **body}
            return error
        if original is None or error.path is None:
            # Parse, validation and input coercion errors: the query itself is wrong.
            error.extensions = {**(error.extensions or {}), "code": ErrorCode.VALIDATION_FAILED}
            return error
        log.error("unexpected error in a resolver", exc_info=original)
        masked = self.anonymise_error(error)
        masked.extensions = {"code": ErrorCode.INTERNAL.value}
        return masked
