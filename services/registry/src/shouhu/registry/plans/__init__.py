"""plans (filled in by its issue work)."""
