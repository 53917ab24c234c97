"""The access log of a child's file (for the district and the auditor)."""
