"""Shared platform of the Shouhu services (守护平台公共库)."""
