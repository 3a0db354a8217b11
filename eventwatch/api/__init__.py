"""The HTTP API and dashboard over a corpus store (`eventwatch serve`)."""

from eventwatch.api.app import LOOPBACK_HOSTS, Settings, create_app

__all__ = ["LOOPBACK_HOSTS", "Settings", "create_app"]
