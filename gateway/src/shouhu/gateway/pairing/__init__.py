"""One-to-one pairing (一对一帮扶) of vetted volunteers with children."""
