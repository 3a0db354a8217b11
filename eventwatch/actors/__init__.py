"""The actor stage: who is named in a doc, resolved to CAMEO-style codes."""

from eventwatch.actors.kb import ActorKB, load_kb
from eventwatch.actors.resolve import ActorLayer, ActorSpan, find_actors

__all__ = ["ActorKB", "ActorLayer", "ActorSpan", "find_actors", "load_kb"]
