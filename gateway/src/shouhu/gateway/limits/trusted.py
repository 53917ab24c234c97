"""Trusted documents: the operations a department system may run in production.

A department's system (a Keycloak service account, client-credentials grant) runs a fixed set of
operations. In production the gateway runs only the documents registered for its client id, from
one committed manifest, `trusted_documents.json` beside this module:

    {"documents": {"<sha256 of the normalised document>": {
        "operationNames": ["Benefits"], "clients": ["dept-civil-affairs"],
        "document": "query Benefits($id: ID!) { ... }", "sourceSha256": "<sha256 of the file>"}}}

A document is normalised by parsing and printing it again (graphql-core's printer): whitespace,
commas and comments do not change its hash. A client may send the document, or only its hash as
`extensions.persistedQuery.sha256Hash` or `documentId` (`sha256:<hex>` or the bare hex).

Register one (docs/gateway.md, "Registering an operation"):

    uv run python -m shouhu.gateway.limits.trusted add FILE.graphql --client dept-police
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from graphql import GraphQLError, OperationDefinitionNode, parse, print_ast

MANIFEST = Path(__file__).with_name("trusted_documents.json")


def normalise(document: str) -> str:
    """The document as graphql-core prints it: one spelling for every layout."""
    return print_ast(parse(document, no_location=True))


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_hash(document: str) -> str:
    """The hash a document is registered under: sha256 of its normalised text."""
    return sha256(normalise(document))


def bare_hash(value: str) -> str:
    """`sha256:<hex>` or `<hex>` → `<hex>`, lower case."""
    value = value.strip().lower()
    return value.removeprefix("sha256:")


@dataclass(frozen=True)
class TrustedDocument:
    """One registered document and the clients that may run it."""

    sha256: str
    document: str
    operation_names: tuple[str | None, ...]
    clients: frozenset[str]


@dataclass
class TrustedDocuments:
    """The manifest, looked up by normalised hash (or by the hash of the file as sent)."""

    documents: dict[str, TrustedDocument] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_manifest(cls, data: Mapping[str, Any]) -> TrustedDocuments:
        found = cls()
        for key, entry in data.get("documents", {}).items():
            text = str(entry["document"])
            # Keyed by the hash recomputed here, so a printer change cannot orphan an entry.
            digest = document_hash(text)
            found.documents[digest] = TrustedDocument(
                sha256=digest,
                document=text,
                operation_names=tuple(entry.get("operationNames") or [None]),
                clients=frozenset(entry.get("clients", [])),
            )
            for alias in {key, entry.get("sourceSha256")} - {None, digest}:
                found.aliases[bare_hash(str(alias))] = digest
        return found

    @classmethod
    def load(cls, path: Path | str | None = None) -> TrustedDocuments:
        return _load(str(path or MANIFEST))

    def by_hash(self, value: str) -> TrustedDocument | None:
        """The document a client names by hash, if registered."""
        digest = bare_hash(value)
        return self.documents.get(self.aliases.get(digest, digest))

    def allows(self, client_id: str, document: str) -> bool:
        """True when `document` (any layout) is registered for `client_id`."""
        try:
            entry = self.documents.get(document_hash(document))
        except Exception:  # a document that does not parse is registered for nobody
            return False
        return entry is not None and client_id in entry.clients


@cache
def _load(path: str) -> TrustedDocuments:
    file = Path(path)
    if not file.exists():
        return TrustedDocuments()
    return TrustedDocuments.from_manifest(json.loads(file.read_text(encoding="utf-8")))


def add(manifest: Path, source: str, client: str) -> str:
    """Register `source` for `client` in `manifest`; returns the document's hash."""
    from graphql import validate

    from shouhu.gateway.schema import schema

    text = normalise(source)
    errors = validate(schema._schema, parse(text))
    if errors:
        raise ValueError("; ".join(e.message for e in errors))
    names = [
        d.name.value if d.name else None
        for d in parse(text).definitions
        if isinstance(d, OperationDefinitionNode)
    ]
    if not names:
        raise ValueError("the document has no operation")
    digest = sha256(text)
    data: dict[str, Any] = (
        json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else {}
    )
    documents: dict[str, Any] = data.setdefault("documents", {})
    entry = documents.setdefault(digest, {"clients": []})
    entry.update(
        operationNames=names,
        document=text,
        sourceSha256=sha256(source),
        clients=sorted({*entry.get("clients", []), client}),
    )
    data["documents"] = dict(sorted(documents.items()))
    manifest.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    _load.cache_clear()
    return digest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m shouhu.gateway.limits.trusted",
        description="Register a GraphQL document a department system may run in production.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    add_command = commands.add_parser("add", help="register FILE for a client")
    add_command.add_argument("file", type=Path, help="a .graphql file with the operation(s)")
    add_command.add_argument("--client", required=True, help="the Keycloak client id")
    add_command.add_argument("--manifest", type=Path, default=MANIFEST)
    list_command = commands.add_parser("list", help="print the registered documents")
    list_command.add_argument("--manifest", type=Path, default=MANIFEST)
    args = parser.parse_args(argv)
    if args.command == "add":
        try:
            digest = add(args.manifest, args.file.read_text(encoding="utf-8"), args.client)
        except (ValueError, OSError, GraphQLError) as exc:
            print(f"not registered: {exc}", file=sys.stderr)
            return 1
        print(f"sha256:{digest}")
        return 0
    documents = TrustedDocuments.load(args.manifest).documents
    for digest, entry in documents.items():
        names = ", ".join(n or "(anonymous)" for n in entry.operation_names)
        print(f"sha256:{digest}  {names}  {', '.join(sorted(entry.clients))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
