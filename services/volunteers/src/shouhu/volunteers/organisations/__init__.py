"""Organisations (组织): federations, agencies, charities, enterprises, children's homes."""
