"""Visits to children's families (定期走访) and how often they are due."""
