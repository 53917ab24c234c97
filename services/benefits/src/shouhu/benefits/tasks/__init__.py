"""Civil affairs' tasks of the single window (一门受理) that benefits answers by itself."""
