"""The JSON Schema: generated from warta/schema.py, committed, and obeyed by real output."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import warta
from warta import schema as S
from warta.cli.main import app
from warta.schema_json import (
    FIELD_DOCS,
    SCHEMA_DOC,
    SCHEMA_FILE,
    analysis_schema,
    schema_text,
    spliced_doc,
)

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "seed.txt"


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_committed_schema_file_is_the_generated_one() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "docs/schema/analysis.schema.json is stale: run python -m warta.schema_json")


def test_schema_md_field_tables_are_the_generated_ones() -> None:
    doc = SCHEMA_DOC.read_text(encoding="utf-8")
    assert doc == spliced_doc(doc), "docs/SCHEMA.md is stale: run python -m warta.schema_json"


def _dataclasses() -> Iterator[type]:
    return (obj for obj in vars(S).values()
            if isinstance(obj, type) and dataclasses.is_dataclass(obj))


def test_every_field_is_described_and_no_description_is_stale() -> None:
    fields = {f"{cls.__name__}.{f.name}" for cls in _dataclasses()
              for f in dataclasses.fields(cls)}
    assert set(FIELD_DOCS) == fields


def test_schema_version_and_structure() -> None:
    schema = analysis_schema()
    assert schema["properties"]["schema_version"]["const"] == warta.SCHEMA_VERSION
    assert list(schema["properties"])[0] == "schema_version"
    assert schema["$id"].endswith(warta.SCHEMA_VERSION)
    entity_type = schema["$defs"]["Entity"]["properties"]["type"]
    assert entity_type["enum"] == ["PER", "ORG", "GPE", "LOC", "MISC", None]
    assert schema["$defs"]["Quote"]["properties"]["speaker"]["anyOf"] == [
        {"$ref": "#/$defs/Speaker"}, {"type": "null"}]
    assert schema["$defs"]["Span"]["properties"]["start"]["minimum"] == 0


def _minimal() -> dict[str, Any]:
    return S.Analysis(id=None, text_length=5, language=S.Language("id", 0.5)).to_dict()


def test_schema_is_strict_about_fields_and_values(validator: Any) -> None:
    validator.validate(_minimal())
    extra = {**_minimal(), "sentiment": 0.3}
    assert not validator.is_valid(extra)
    missing = _minimal()
    del missing["warnings"]
    assert not validator.is_valid(missing)
    bad_enum = _minimal()
    bad_enum["entities"] = [{"id": "E1", "name": "Jokowi", "type": "PERSON", "aliases": [],
                             "roles": [], "mentions": []}]
    assert not validator.is_valid(bad_enum)
    negative = _minimal()
    negative["sentences"] = [{"start": -1, "end": 3}]
    assert not validator.is_valid(negative)


def _spans(node: Any) -> Iterator[dict[str, Any]]:
    """Every object with start, end and text, anywhere in the analysis."""
    if isinstance(node, dict):
        if {"start", "end", "text"} <= node.keys():
            yield node
        for value in node.values():
            yield from _spans(value)
    elif isinstance(node, list):
        for value in node:
            yield from _spans(value)


def test_schema_md_example_is_valid_and_its_spans_are_real(validator: Any) -> None:
    doc = SCHEMA_DOC.read_text(encoding="utf-8")
    match = re.search(r"## Example\n.*?```json\n(.*?)\n```", doc, re.S)
    assert match, "docs/SCHEMA.md has no json example under '## Example'"
    example = json.loads(match.group(1))
    validator.validate(example)
    text = SEED.read_text(encoding="utf-8")
    assert example["text_length"] == len(text)
    spans = list(_spans(example))
    assert len(spans) >= 10
    for span in spans:
        assert text[span["start"]:span["end"]] == span["text"]
    for sentence in example["sentences"]:
        assert text[sentence["start"]:sentence["end"]].strip()
    assert S.Analysis.from_dict(example).to_dict() == example


def test_cli_json_for_the_seed_validates_and_every_span_is_evidence(validator: Any) -> None:
    result = CliRunner().invoke(app, ["analyze", "--format", "json", "--published",
                                      "2023-10-24", str(SEED)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    validator.validate(data)
    text = SEED.read_text(encoding="utf-8")
    for span in _spans(data):
        assert text[span["start"]:span["end"]] == span["text"], span
