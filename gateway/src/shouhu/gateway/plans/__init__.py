"""Support plans (一策): the measures of every department for one child."""
