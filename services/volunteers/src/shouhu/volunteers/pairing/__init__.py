"""One-to-one pairing (一对一帮扶): suggestions, pairings, their visits, the single window's task."""
