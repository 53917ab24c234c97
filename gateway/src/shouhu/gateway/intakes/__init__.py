"""The single window (一门受理、协同办理): applications, the departments' board, the timeline."""
