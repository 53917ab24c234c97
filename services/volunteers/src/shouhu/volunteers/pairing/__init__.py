"""One-to-one pairing (一对一帮扶): suggestions, pairings, visits, the single window's task."""
