"""Statistics of a division (counts only, never personal data)."""
