"""The live stream (实时通知): each caller's new notifications as they commit, over SSE."""
