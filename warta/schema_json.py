"""JSON Schema of :class:`warta.schema.Analysis`, generated from its dataclasses.

The dataclasses' type hints are the one source of truth for structure: this
module walks them and writes a JSON Schema (draft 2020-12).  The meaning of
each field lives in :data:`FIELD_DOCS` (``schema.py`` keeps its docstrings
short); the generator refuses to run when a field has no description, so a new
field cannot slip out undocumented.  The same descriptions fill the field
tables of ``docs/SCHEMA.md``.

Regenerate both committed artefacts after changing ``warta/schema.py``::

    python -m warta.schema_json            # writes them
    python -m warta.schema_json --check    # exit 1 if either is stale
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import types
import typing
from pathlib import Path
from typing import Any, Literal, get_args, get_origin, get_type_hints

from warta import schema as S

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "docs" / "schema" / "analysis.schema.json"
SCHEMA_DOC = ROOT / "docs" / "SCHEMA.md"
BEGIN = "<!-- BEGIN GENERATED FIELD TABLES (python -m warta.schema_json) -->"
END = "<!-- END GENERATED FIELD TABLES -->"

_OFFSETS = "a Python `str` index into the text, in Unicode code points"

CLASS_DOCS: dict[str, str] = {
    "Sentence": "A sentence of the text, as the sentence splitter found it.",
    "Language": "The language the text is written in, as the language detector judged it.",
}
"""Descriptions of the classes whose docstring ``schema.py`` leaves out."""

FIELD_DOCS: dict[str, str] = {
    "Analysis.schema_version": "Version of this schema (semver) the document follows.",
    "Analysis.id": "The caller's identifier of the article (`--id`, or `id` of a JSONL line); "
                   "null when none was given.",
    "Analysis.text_length": "Length of the analysed text in code points (`len(text)`); every "
                            "offset is at most this.",
    "Analysis.language": "Detected language of the text.",
    "Analysis.published": "Publication time as ISO 8601 (`2023-10-24T00:00:00`) when given; it "
                          "anchors relative dates such as \"Selasa\" or \"kemarin\".",
    "Analysis.title": "The article's title when given (not analysed, echoed back).",
    "Analysis.sentences": "Sentences, in text order.",
    "Analysis.entities": "People, organisations and places, each with all its mentions.",
    "Analysis.quotes": "Direct and indirect quotes, in text order.",
    "Analysis.dates": "Dates, times and durations, in text order.",
    "Analysis.amounts": "Quantities, money and percentages, in text order.",
    "Analysis.attributions": "News agencies and people credited for the article.",
    "Analysis.warnings": "Human-readable warnings about the input (e.g. not Indonesian); "
                         "the analysis still ran.",
    "Span.start": f"Start offset, inclusive ({_OFFSETS}).",
    "Span.end": "End offset, exclusive.",
    "Span.text": "`text[start:end]`, the evidence itself.",
    "Sentence.start": f"Start offset, inclusive ({_OFFSETS}).",
    "Sentence.end": "End offset, exclusive.",
    "Mention.start": f"Start offset, inclusive ({_OFFSETS}).",
    "Mention.end": "End offset, exclusive.",
    "Mention.text": "`text[start:end]`.",
    "Mention.kind": "How the mention refers to the entity: its name, a stated alias, an "
                    "acronym, a pronoun (\"dia\", \"-nya\") or a description "
                    "(\"presiden itu\").",
    "Entity.id": "Identifier of the entity within this analysis (`E1`, `E2`, …); quotes' "
                 "speakers refer to it. Not stable across analyses.",
    "Entity.name": "The fullest name the article uses for the entity.",
    "Entity.type": "PER person, ORG organisation, GPE country/city/region, LOC other place, "
                   "MISC other; null when no model typed it.",
    "Entity.aliases": "Other names of the entity in the text (short names, acronyms, stated "
                      "alternative names).",
    "Entity.roles": "Role phrases written next to a name (\"Presiden Prancis\"), as written.",
    "Entity.mentions": "Every place the text refers to the entity, in text order.",
    "Speaker.name": "Name of the speaker (the entity's name when linked).",
    "Speaker.entity": "`id` of the speaker's entity in `entities`, or null when the speaker "
                      "is not a linked entity.",
    "Speaker.start": f"Start of the mention that names the speaker ({_OFFSETS}).",
    "Speaker.end": "End of that mention, exclusive.",
    "Speaker.text": "`text[start:end]`: the words naming the speaker at this quote.",
    "Speaker.kind": "How that mention refers to the speaker (see `Mention.kind`).",
    "Speaker.note": "Free-text note on the speaker, e.g. \"leaflet issued by IDF\"; "
                    "usually null.",
    "Quote.kind": "`direct`: words in quotation marks; `indirect`: reported speech.",
    "Quote.start": "Start of the quoted content, without quotation marks (direct) or of the "
                   f"reported clause (indirect) ({_OFFSETS}).",
    "Quote.end": "End of the quoted content, exclusive.",
    "Quote.text": "`text[start:end]`.",
    "Quote.cue": "The speech verb or cue phrase (\"katanya\", \"menambahkan bahwa\"), or null.",
    "Quote.speaker": "Who said it, or null when the article does not say.",
    "DateFact.start": f"Start offset, inclusive ({_OFFSETS}).",
    "DateFact.end": "End offset, exclusive.",
    "DateFact.text": "`text[start:end]`, the date as written (\"Selasa\", \"7 Oktober\").",
    "DateFact.value": "ISO 8601 value: a date (`2023-10-24`), datetime, month (`2023-10`), "
                      "year or, for durations, a period (`P7D`); null when it cannot be "
                      "resolved (e.g. a weekday without `published`).",
    "DateFact.granularity": "Precision of `value`.",
    "DateFact.kind": "`date` a point in time, `duration` a length of time, `time` a clock "
                     "time.",
    "DateFact.qualifier": "Hedge written with it (\"lebih dari seminggu\" → `more-than`).",
    "Amount.start": f"Start offset, inclusive ({_OFFSETS}).",
    "Amount.end": "End offset, exclusive.",
    "Amount.text": "`text[start:end]`, the amount as written (\"lebih dari 200 sandera\").",
    "Amount.value": "The number as read, scale words applied (\"Rp 1,5 triliun\" → "
                    "1500000000000).",
    "Amount.qualifier": "Hedge written with it (\"lebih dari\" → `more-than`).",
    "Amount.unit": "The counted thing or currency as written (\"sandera\", \"Rp\", \"%\"), "
                   "or null.",
    "Attribution.start": f"Start offset, inclusive ({_OFFSETS}).",
    "Attribution.end": "End offset, exclusive.",
    "Attribution.text": "`text[start:end]`.",
    "Attribution.name": "The credited agency or person (\"Reuters\").",
    "Attribution.role": "`contributor` (\"Reuters memberikan kontribusi\"), `source`, "
                        "`author` or `editor`.",
    "Language.code": "ISO 639-1 code (`id` Indonesian).",
    "Language.confidence": "Detector confidence, 0 to 1.",
}

FIELD_CONSTRAINTS: dict[str, dict[str, Any]] = {
    "Analysis.schema_version": {"const": S.SCHEMA_VERSION},
    "Analysis.text_length": {"minimum": 0},
    "Language.confidence": {"minimum": 0, "maximum": 1},
}
"""Value constraints the types cannot say.  Every ``start``/``end`` is >= 0."""


def analysis_schema() -> dict[str, Any]:
    """The JSON Schema of ``Analysis.to_dict()`` for this ``SCHEMA_VERSION``.

    Every field is required because ``to_dict`` always writes every field;
    unknown fields are not allowed, so the schema describes one version exactly.
    """
    defs: dict[str, Any] = {}
    root = _object_schema(S.Analysis, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:warta:schema:analysis:{S.SCHEMA_VERSION}",
        "title": "Warta Analysis",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def _fields(cls: type) -> list[dataclasses.Field[Any]]:
    fields = list(dataclasses.fields(cls))
    if cls is S.Analysis:  # to_dict writes schema_version first
        fields.sort(key=lambda f: f.name != "schema_version")
    return fields


def class_doc(cls: type) -> str:
    doc = cls.__doc__ or ""
    if not doc or doc.startswith(f"{cls.__name__}("):  # dataclass's generated signature
        return CLASS_DOCS[cls.__name__]
    first_paragraph = doc.strip().split("\n\n", 1)[0]
    return " ".join(first_paragraph.split()).replace("``", "`")


def _object_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = get_type_hints(cls)
    props: dict[str, Any] = {}
    for f in _fields(cls):
        key = f"{cls.__name__}.{f.name}"
        if key not in FIELD_DOCS:
            raise KeyError(f"no description for {key}: add it to FIELD_DOCS in "
                           "warta/schema_json.py")
        prop = {"description": FIELD_DOCS[key], **_type_schema(hints[f.name], defs)}
        if f.name in ("start", "end"):
            prop["minimum"] = 0
        prop.update(FIELD_CONSTRAINTS.get(key, {}))
        props[f.name] = prop
    return {
        "description": class_doc(cls),
        "type": "object",
        "properties": props,
        "required": list(props),
        "additionalProperties": False,
    }


_SCALARS: dict[Any, str] = {int: "integer", float: "number", str: "string", bool: "boolean",
                            type(None): "null"}


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if tp in _SCALARS:
        return {"type": _SCALARS[tp]}
    if dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # reserve against recursion
            defs[name] = _object_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    origin = get_origin(tp)
    if origin is Literal:
        values = list(get_args(tp))
        return {"type": "string", "enum": values}
    if origin is list:
        (item,) = get_args(tp)
        return {"type": "array", "items": _type_schema(item, defs)}
    if origin in (types.UnionType, typing.Union):
        args = get_args(tp)
        nullable = type(None) in args
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1 and nullable:
            inner = _type_schema(rest[0], defs)
            if "enum" in inner:
                return {"type": [inner["type"], "null"], "enum": [*inner["enum"], None]}
            if "type" in inner and isinstance(inner["type"], str) and len(inner) == 1:
                return {"type": [inner["type"], "null"]}
            return {"anyOf": [inner, {"type": "null"}]}
        return {"anyOf": [_type_schema(a, defs) for a in args]}
    raise TypeError(f"no JSON Schema mapping for type {tp!r}")


def schema_text() -> str:
    """The schema file's exact content."""
    return json.dumps(analysis_schema(), ensure_ascii=False, indent=2) + "\n"


# --- the field tables of docs/SCHEMA.md ---------------------------------------------------

def field_tables() -> str:
    """Markdown tables of every object and field, Analysis first."""
    schema = analysis_schema()
    order = ["Analysis", *_ref_order(schema)]
    blocks = []
    for name in order:
        obj = schema if name == "Analysis" else schema["$defs"][name]
        rows = ["| field | type | meaning |", "|---|---|---|"]
        for field_name, prop in obj["properties"].items():
            meaning = prop["description"].replace("|", "\\|")
            rows.append(f"| `{field_name}` | {_human_type(prop)} | {meaning} |")
        blocks.append(f"### `{name}`\n\n{obj['description']}\n\n" + "\n".join(rows))
    return "\n\n".join(blocks)


def _ref_order(schema: dict[str, Any]) -> list[str]:
    """Definition names in the order they are first referenced, depth first."""
    seen: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if ref:
                name = ref.rsplit("/", 1)[1]
                if name not in seen:
                    seen.append(name)
                    walk(schema["$defs"][name]["properties"])
            for key, value in node.items():
                if key != "$defs":
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema["properties"])
    return seen


def _human_type(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        return f"[`{prop['$ref'].rsplit('/', 1)[1]}`](#{prop['$ref'].rsplit('/', 1)[1].lower()})"
    if "const" in prop:
        return f"string, `\"{prop['const']}\"`"
    if "anyOf" in prop:
        return " or ".join(_human_type(p) for p in prop["anyOf"])
    if "enum" in prop:
        values = ", ".join("null" if v is None else f"`{v}`" for v in prop["enum"])
        return f"one of {values}"
    kind = prop.get("type")
    if kind == "array":
        return f"list of {_human_type(prop['items'])}"
    if isinstance(kind, list):
        return " or ".join(kind)
    return str(kind)


def spliced_doc(doc: str) -> str:
    """``docs/SCHEMA.md`` with its generated section replaced by fresh tables."""
    try:
        head, rest = doc.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
    except ValueError:
        raise ValueError(f"{SCHEMA_DOC} lacks the markers {BEGIN!r} … {END!r}") from None
    return f"{head}{BEGIN}\n\n{field_tables()}\n\n{END}{tail}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warta.schema_json",
                                     description="Regenerate the JSON Schema and the field "
                                                 "tables of docs/SCHEMA.md.")
    parser.add_argument("--check", action="store_true",
                        help="only check that the committed files are up to date")
    args = parser.parse_args(argv)
    wanted = {SCHEMA_FILE: schema_text(),
              SCHEMA_DOC: spliced_doc(SCHEMA_DOC.read_text(encoding="utf-8"))}
    stale = [p for p, text in wanted.items()
             if not p.exists() or p.read_text(encoding="utf-8") != text]
    if args.check:
        for path in stale:
            print(f"{path.relative_to(ROOT)} is out of date: run python -m warta.schema_json",
                  file=sys.stderr)
        return 1 if stale else 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(wanted[path], encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
