"""In-app notifications (站内通知) to the posts of the network."""
