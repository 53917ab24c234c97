"""Wire shapes of the live stream: Server-Sent Events."""

from shouhu.notifications.inapp.schemas import NotificationOut

MEDIA_TYPE = "text/event-stream"
# A comment line, sent once subscribed (the response starts: nothing from here is missed) and
# while idle: clients ignore it, proxies and the gateway's read timeout see the stream alive.
HEARTBEAT = b": heartbeat\n\n"
# Headers of a stream no proxy may cache or buffer (nginx and ingress-nginx honour the latter).
HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}


def event(notification: NotificationOut) -> bytes:
    """One notification as an event: its cursor as the id, its JSON as the data."""
    data = notification.model_dump_json(by_alias=True)
    return f"id: {notification.cursor}\ndata: {data}\n\n".encode()
