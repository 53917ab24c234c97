"""Statistics (统计): counts by category for a division and those below it, as of any day."""
