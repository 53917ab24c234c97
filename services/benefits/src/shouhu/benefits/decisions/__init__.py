"""Decisions and entitlements (资格认定与待遇): a projection of each child, re-decided on change."""
