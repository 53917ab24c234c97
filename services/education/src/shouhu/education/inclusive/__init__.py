"""Inclusive schooling (融合教育): placements of disabled children and home teaching (送教上门)."""
