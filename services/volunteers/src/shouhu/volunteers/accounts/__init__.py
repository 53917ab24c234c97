"""Volunteers' accounts in the identity provider (Keycloak, or the embedded one)."""
