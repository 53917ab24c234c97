"""The data key's rotation for children's files: the platform's re-encryption (`shouhu.platform.
rekey`) over the child table."""

from typing import cast

from sqlalchemy import Table

from shouhu.registry.models import Child

# Plain table statements: a re-encrypted file keeps its version (nobody's edit conflicts).
CHILD = cast(Table, Child.__table__)  # type: ignore[attr-defined]
