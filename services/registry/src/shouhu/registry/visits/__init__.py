"""Visits to children's families (定期走访, policy 三(二)1) and how often they are due."""
