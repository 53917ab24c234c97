"""The data key's rotation: every stored identity number moved to the current key."""
