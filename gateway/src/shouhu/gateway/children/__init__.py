"""Children's files: the one file of every child (一人一档)."""
