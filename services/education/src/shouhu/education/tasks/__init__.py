"""The education department's single-window tasks (一门受理) this service answers by itself."""
