"""What an attachment is, by its first bytes: a JPEG or PNG photo, or a PDF document."""

from __future__ import annotations

# The signatures of the types a report takes; a file's name and declared type are not believed.
SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"%PDF-", "application/pdf"),
)


def media_type(head: bytes) -> str | None:
    """The media type the content starts as, or None when it is none of those taken."""
    return next((kind for magic, kind in SIGNATURES if head.startswith(magic)), None)
