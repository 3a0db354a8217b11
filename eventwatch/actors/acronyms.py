"""Acronyms as the article defines them.

Acronyms clash across the knowledge base: "RSF" is Reporters Without Borders and
Sudan's Rapid Support Forces, "ELN" a Bolivian and a Colombian rebel army. An
article settles it: "the National Liberation Army (ELN)" defines the acronym, and
"RSF" in a story that names the Rapid Support Forces means them. So an acronym
written in capitals stands for the organisation or group the article names by a
name it abbreviates (its capitalised words' initials, or any name it follows in
brackets), wherever it appears in the article, over the knowledge base's own entry.
"""

from __future__ import annotations

from spacy.tokens import Doc

from eventwatch.actors.kb import KBMatch

# Kinds of knowledge-base entries an article may abbreviate.
ABBREVIATED_KINDS = frozenset({"org", "group"})
MIN_LETTERS, MAX_LETTERS = 2, 8
OPENING, CLOSING = "(", ")"


def defined_acronyms(doc: Doc, matches: list[KBMatch]) -> list[KBMatch]:
    """`matches` with each acronym token the article defines bound to what it abbreviates."""
    definitions = _definitions(doc, matches)
    if not definitions:
        return matches
    bound = {
        token.i: KBMatch(token.i, token.i + 1, definitions[token.text])
        for token in doc
        if token.text in definitions and _is_acronym(token.text)
    }
    kept = [m for m in matches if not any(i in bound for i in range(m.start, m.end))]
    return sorted(kept + list(bound.values()), key=lambda m: m.start)


def _definitions(doc: Doc, matches: list[KBMatch]) -> dict:
    """Acronym -> entry, from names of several words the knowledge base knows: by the
    name's initials, and by the acronym in brackets right after it."""
    by_initials, in_brackets = {}, {}
    for match in matches:
        if match.entry.kind not in ABBREVIATED_KINDS or match.end - match.start < 2:
            continue
        initials = "".join(t.text[0] for t in doc[match.start : match.end] if t.text[:1].isupper())
        if len(initials) >= MIN_LETTERS:
            by_initials.setdefault(initials, match.entry)
        following = doc[match.end : match.end + 3]
        if len(following) == 3 and following[0].text == OPENING and following[2].text == CLOSING:
            if _is_acronym(following[1].text):
                in_brackets.setdefault(following[1].text, match.entry)
    return {**by_initials, **in_brackets}


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return MIN_LETTERS <= len(letters) <= MAX_LETTERS and all(c.isupper() for c in letters) and word[0].isalpha()
