"""When/where stage: the date each event happened and its place.

Dates come from the event's own clause, then the clause governing it, then its
sentence, resolved against the publication date ("on Friday", "last week", "in
November", "in 2014"); an event with none keeps the publication date (precision
"day"), and without a publication date only absolute dates are known. Places come
from the event's clause and resolve with the offline gazetteer (eventwatch/gazetteer.py, shared with the actor stage).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from eventwatch.actors import ActorLayer
from eventwatch.records import Article, Event
from eventwatch.when_where.clause import trigger_token
from eventwatch.when_where.dates import DateValue, DocDates, find_dates, parse_published
from eventwatch.gazetteer import Gazetteer, Place, load_gazetteer
from eventwatch.when_where.places import PlaceFinder

__all__ = [
    "DateValue", "DocDates", "Gazetteer", "Place", "PlaceFinder", "date_and_place", "find_dates", "load_gazetteer",
]


def date_and_place(doc: Doc, events: list[Event], article: Article, actors: ActorLayer) -> list[Event]:
    """The events with `date`, `date_precision` and `location` filled in."""
    published = parse_published(article.published)
    dates = DocDates(doc)
    places = PlaceFinder(doc, actors)
    located = []
    for event in events:
        trigger = trigger_token(doc, event)
        value = dates.date_of(trigger, published, event.modality.future) if trigger is not None else None
        if value is None and published is not None:
            value = DateValue(published, "day")
        located.append(
            replace(
                event,
                date=value.iso() if value else None,
                date_precision=value.precision if value else None,
                location=places.place_of(event, trigger) if trigger is not None else None,
            )
        )
    return located
