"""The one schema every layer of Warta speaks.

An analysis is a tree of frozen dataclasses.  ``Analysis.to_dict()`` gives the
versioned JSON documented in ``docs/SCHEMA.md``; ``Analysis.from_dict()`` reads it
back.  Every fact carries ``start``/``end``: Python string indices into the
analysed text, end exclusive, so ``text[start:end]`` is the evidence.

Bump ``SCHEMA_VERSION`` (semver) whenever a field changes meaning or disappears;
adding an optional field is a minor bump.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal, get_args, get_type_hints

SCHEMA_VERSION = "1.0.0"

MentionKind = Literal["name", "alias", "acronym", "pronoun", "description"]
EntityType = Literal["PER", "ORG", "GPE", "LOC", "MISC"]
QuoteKind = Literal["direct", "indirect"]
DateKind = Literal["date", "duration", "time"]
Granularity = Literal["datetime", "day", "week", "month", "year", "decade", "duration"]
Qualifier = Literal[
    "exact", "more-than", "less-than", "about", "almost", "at-least", "at-most", "up-to"
]
AttributionRole = Literal["contributor", "source", "author", "editor"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the input text: the evidence behind a fact."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where the text refers to an entity."""

    start: int
    end: int
    text: str
    kind: MentionKind = "name"


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place with every mention that refers to it.

    ``name`` is the fullest name the article uses; ``aliases`` are the other
    names (short names, acronyms, stated alternative names); ``roles`` are role
    phrases written next to a name ("Presiden Prancis"), kept as written.
    """

    id: str
    name: str
    type: EntityType | None
    aliases: list[str] = field(default_factory=list)
    roles: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote is attributed to, and the mention that says so."""

    name: str
    entity: str | None
    start: int
    end: int
    text: str
    kind: MentionKind = "name"
    note: str | None = None  # e.g. "leaflet issued by IDF"


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct or indirect quote.  ``start``/``end`` cover the quoted content
    without quotation marks (direct) or the reported clause (indirect)."""

    kind: QuoteKind
    start: int
    end: int
    text: str
    cue: Span | None = None
    speaker: Speaker | None = None


@dataclass(frozen=True, slots=True)
class DateFact:
    """A date, time or duration; ``value`` is ISO 8601 (a date, a datetime or,
    for durations, a period such as ``P7D``)."""

    start: int
    end: int
    text: str
    value: str | None
    granularity: Granularity
    kind: DateKind = "date"
    qualifier: Qualifier = "exact"


@dataclass(frozen=True, slots=True)
class Amount:
    """A quantity: ``value`` is the number as read (scale words applied),
    ``unit`` the counted thing or currency as written ("sandera", "Rp", "%")."""

    start: int
    end: int
    text: str
    value: float
    qualifier: Qualifier = "exact"
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who produced or contributed to the article (news agencies, reporters)."""

    start: int
    end: int
    text: str
    name: str
    role: AttributionRole = "contributor"


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    confidence: float


@dataclass(slots=True)
class Analysis:
    """Everything Warta found in one document."""

    id: str | None
    text_length: int
    language: Language
    published: str | None = None
    title: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[DateFact] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        return {"schema_version": data.pop("schema_version"), **data}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return _build(cls, data)

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)


def _build(tp: Any, value: Any) -> Any:
    """Rebuild nested dataclasses from plain JSON data."""
    if value is None:
        return None
    if dataclasses.is_dataclass(tp):
        hints = get_type_hints(tp)
        return tp(**{f.name: _build(hints[f.name], value[f.name])
                     for f in dataclasses.fields(tp) if f.name in value})
    origin = getattr(tp, "__origin__", None)
    if origin is list:
        (item,) = get_args(tp)
        return [_build(item, v) for v in value]
    for arg in get_args(tp):  # Optional[X] / X | None
        if dataclasses.is_dataclass(arg):
            return _build(arg, value)
    return value
