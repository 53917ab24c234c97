"""The workforce of the network (队伍建设)."""
