"""The `warta` command line: output formats, every bad input with its exit code, the
JSONL batch contract, eval and version commands."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from typer.testing import CliRunner

import warta
from warta.cli.main import app
from warta.errors import EXIT_CODE_MEANINGS, ExitCode
from warta.nlp.document import AnalysedDocument
from warta.schema import Analysis, Language

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "seed.txt"
ARTICLE = ("Menteri Keuangan Sri Mulyani mengatakan inflasi turun pada Selasa. "
           "Bank Indonesia menahan suku bunga.\n")


def run(*args: str, stdin: bytes | str | None = None) -> Any:
    return CliRunner().invoke(app, list(args), input=stdin)


def lines_of(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines()]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "artikel.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


# --- one article ----------------------------------------------------------------------------

def test_text_view_of_the_seed() -> None:
    result = run("analyze", str(SEED), "--published", "2023-10-24", "--id", "seed")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for fragment in ("Warta analysis", "schema 1.0.0", "seed", "language", "2,245 characters",
                     "2023-10-24T00:00:00", "Entities", "Quotes", "Dates", "Amounts",
                     "Attributions"):
        assert fragment in out
    assert result.stderr == ""


def test_json_round_trips_through_analysis_from_dict() -> None:
    result = run("analyze", "-f", "json", "-p", "2023-10-24", str(SEED))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith('{\n  "schema_version": "1.0.0",')
    assert "“" in result.stdout  # ensure_ascii=False: curly quotes written as such
    data = json.loads(result.stdout)
    expected = warta.analyze(SEED.read_text(encoding="utf-8"), "2023-10-24")
    assert Analysis.from_dict(data) == expected
    assert data == expected.to_dict()


def test_stdin_id_and_title(article: Path) -> None:
    result = run("analyze", "-", "-f", "json", "--id", "berita-1", "--title", "Inflasi turun",
                 "-p", "2023-10-24T09:30", stdin=ARTICLE.encode())
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["id"], data["title"], data["published"]) == (
        "berita-1", "Inflasi turun", "2023-10-24T09:30:00")
    assert data["text_length"] == len(ARTICLE) == 102


def test_square_brackets_in_the_text_are_not_rich_markup(tmp_path: Path) -> None:
    path = tmp_path / "kurung.txt"
    path.write_text("Ketua [red]KPK[/red] Firli Bahuri mengatakan hal itu.", encoding="utf-8")
    result = run("analyze", str(path), "--title", "[bold]Judul[/bold]")
    assert result.exit_code == 0, result.output
    assert "[bold]Judul[/bold]" in result.stdout


# --- bad input: exact exit codes and messages -----------------------------------------------

@pytest.mark.parametrize(("content", "code", "fragment"), [
    (b"", 3, "the text is empty"),
    (b"  \n\t\n", 3, "the text is whitespace only"),
    (b"Halo\x00dunia", 4, "binary data, not text: NUL byte at byte offset 4"),
    (b"Harga naik \xff lagi", 4, "not UTF-8 text: invalid start byte (byte 0xff) at byte "
                                 "offset 11"),
    ("Halo".encode("utf-16"), 4, "UTF-16 byte order mark"),
])
def test_bad_file_content(tmp_path: Path, content: bytes, code: int, fragment: str) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    result = run("analyze", str(path))
    assert result.exit_code == code
    assert result.stderr == f"error: {path}: " + result.stderr.split(": ", 2)[2]
    assert fragment in result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""
    assert "Traceback" not in result.output


def test_bad_stdin_names_stdin() -> None:
    result = run("analyze", "-", stdin=b"\n \n")
    assert result.exit_code == ExitCode.EMPTY
    assert result.stderr == "error: <stdin>: the text is whitespace only\n"


def test_too_large_file_and_stdin(article: Path) -> None:
    size = len(ARTICLE.encode())
    result = run("analyze", str(article), "--max-bytes", "50")
    assert result.exit_code == 5
    assert result.stderr == (f"error: {article}: input too large: the limit is 50 bytes and it "
                             f"is {size} bytes (raise it with --max-bytes)\n")
    result = run("analyze", "-", "--max-bytes", "50", stdin=ARTICLE.encode())
    assert result.exit_code == 5
    assert "error: <stdin>: input too large: the limit is 50 bytes" in result.stderr
    assert run("analyze", str(article), "--max-bytes", str(size)).exit_code == 0


def test_missing_file_and_directory(tmp_path: Path) -> None:
    missing = run("analyze", str(tmp_path / "tidak-ada.txt"))
    assert missing.exit_code == 6
    assert missing.stderr == f"error: {tmp_path / 'tidak-ada.txt'}: no such file\n"
    directory = run("analyze", str(tmp_path))
    assert directory.exit_code == 6
    assert directory.stderr == f"error: {tmp_path}: is a directory, not a file\n"


@pytest.mark.parametrize(("args", "fragment"), [
    (["--published", "24/10/2023"], "--published: publication time '24/10/2023' is not an ISO "
                                    "date or datetime (e.g. 2023-10-24 or 2023-10-24T09:30)"),
    (["--published", "2023-02-30"], "'2023-02-30' is not an ISO date"),
    (["--model", "/tidak/ada"], "--model /tidak/ada: no such directory"),
    (["--jsonl", "x.jsonl"], "give either PATH or --jsonl, not both"),
])
def test_usage_errors_exit_2(article: Path, args: list[str], fragment: str) -> None:
    result = run("analyze", str(article), *args)
    assert result.exit_code == 2
    assert fragment in result.stderr
    assert result.stderr.count("\n") == 1


def test_model_dir_without_config(tmp_path: Path, article: Path) -> None:
    result = run("analyze", str(article), "--model", str(tmp_path))
    assert result.exit_code == 2
    assert "not a spaCy pipeline directory (no config.cfg)" in result.stderr


def test_nothing_to_analyse_and_bad_combinations(tmp_path: Path) -> None:
    nothing = run("analyze")
    assert nothing.exit_code == 2
    assert "nothing to analyse" in nothing.stderr
    text_batch = run("analyze", "--jsonl", "-", "--format", "text", stdin="")
    assert text_batch.exit_code == 2
    assert "--format text does not apply" in text_batch.stderr
    id_batch = run("analyze", "--jsonl", "-", "--id", "x", stdin="")
    assert id_batch.exit_code == 2
    assert run("analyze", "x.txt", "--max-bytes", "0").exit_code == 2


def _pretend_language(monkeypatch: pytest.MonkeyPatch, code: str) -> None:
    import warta.nlp.pipeline as nlp_pipeline

    monkeypatch.setattr(nlp_pipeline, "detect_language", lambda text: Language(code, 0.97))


def test_non_indonesian_text_warns_but_is_analysed(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    _pretend_language(monkeypatch, "en")
    path = tmp_path / "english.txt"
    path.write_text("President Joe Biden met Prime Minister Rishi Sunak on Tuesday.",
                    encoding="utf-8")
    result = run("analyze", str(path), "-f", "json")
    assert result.exit_code == 0
    assert result.stderr == ("warning: language looks like 'en', not Indonesian; results will "
                             "be poor\n")
    assert json.loads(result.stdout)["warnings"] == [
        "language looks like 'en', not Indonesian; results will be poor"]
    quiet = run("analyze", str(path), "-q")
    assert quiet.exit_code == 0
    assert quiet.stderr == ""


def test_english_is_detected_by_the_real_detector(tmp_path: Path) -> None:
    from warta.text.language import detect_language

    english = ("The Prime Minister said on Tuesday that the government would not raise taxes "
               "this year, despite warnings from economists about the growing deficit.")
    if detect_language(english).code == "id":
        pytest.skip("language detector not implemented yet (warta/text/language.py)")
    path = tmp_path / "english.txt"
    path.write_text(english, encoding="utf-8")
    result = run("analyze", str(path), "-f", "json")
    assert result.exit_code == 0
    assert "not Indonesian" in result.stderr


def test_unexpected_exception_is_internal_error_70(monkeypatch: pytest.MonkeyPatch,
                                                   article: Path) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("extractor\nexploded")

    monkeypatch.setattr(warta, "analyze", boom)
    result = run("analyze", str(article))
    assert result.exit_code == 70
    assert result.stderr == ("error: internal error: RuntimeError: extractor exploded "
                             "(this is a bug in Warta; please report it)\n")
    assert "Traceback" not in result.output


def test_ctrl_c_exits_130(monkeypatch: pytest.MonkeyPatch, article: Path) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(warta, "analyze", interrupted)
    result = run("analyze", str(article))
    assert result.exit_code == 130
    assert result.stderr == "error: interrupted\n"


def test_help_and_docs_list_every_exit_code() -> None:
    result = run("analyze", "--help")
    assert result.exit_code == 0
    doc = (ROOT / "docs" / "CLI.md").read_text(encoding="utf-8")
    for code, meaning in EXIT_CODE_MEANINGS.items():
        assert f"{int(code):>3}  {meaning}" in result.stdout
        assert f"| `{int(code)}` | {meaning} |" in doc
    assert set(EXIT_CODE_MEANINGS) == set(ExitCode)


# --- the JSONL batch contract ----------------------------------------------------------------

def test_batch_keeps_order_and_echoes_ids() -> None:
    records = [
        {"id": "z-3", "text": "Presiden Joko Widodo membuka pameran di Jakarta."},
        {"id": "a-1", "text": "Harga cabai naik 20 persen.", "published": "2025-06-02",
         "title": "Cabai"},
        {"text": "Hujan deras mengguyur Bogor."},
    ]
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    result = run("analyze", "--jsonl", "-", "-p", "2023-10-24", stdin=stdin)
    assert result.exit_code == 0, result.output
    assert all(line.startswith('{"schema_version":"1.0.0","id":')
               for line in result.stdout.splitlines())  # compact
    out = lines_of(result.stdout)
    assert [o["id"] for o in out] == ["z-3", "a-1", None]
    assert [o["text_length"] for o in out] == [len(r["text"]) for r in records]
    assert out[1]["title"] == "Cabai"
    assert out[1]["published"] == "2025-06-02T00:00:00"  # the line's own wins
    assert out[0]["published"] == "2023-10-24T00:00:00"  # --published is the default
    expected = warta.analyze(records[0]["text"], "2023-10-24", id="z-3")
    assert Analysis.from_dict(out[0]) == expected
    assert result.stderr == "summary: 3 analysed\n"


def test_batch_bad_lines_are_reported_in_place_and_the_rest_processed(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(b"\n".join([
        b'{"id": "ok-1", "text": "Gubernur Riau Abdul Wahid meninjau pasar."}',
        b'',
        b'ini bukan json',
        b'"hanya string"',
        b'{"id": "no-text"}',
        b'{"id": "num", "text": 42}',
        b'{"id": "blank", "text": "   "}',
        b'{"id": "when", "text": "Rapat digelar.", "published": "kemarin"}',
        b'{"id": "ok-2", "text": "Harga beras turun di Medan."}',
    ]) + b"\n")
    result = run("analyze", "--jsonl", str(path))
    assert result.exit_code == ExitCode.LINES_FAILED == 1
    out = lines_of(result.stdout)
    assert len(out) == 8  # one per non-blank line
    assert out[0]["id"] == "ok-1" and "error" not in out[0]
    assert out[-1]["id"] == "ok-2" and "error" not in out[-1]
    assert [(o["id"], o["line"], o["error"]["code"]) for o in out[1:-1]] == [
        (None, 3, "invalid_json"),
        (None, 4, "not_object"),
        ("no-text", 5, "missing_text"),
        ("num", 6, "text_not_string"),
        ("blank", 7, "empty_text"),
        ("when", 8, "bad_published"),
    ]
    assert out[1] == {"id": None, "line": 3, "error": {
        "code": "invalid_json", "message": "not valid JSON: Expecting value at column 1"}}
    err = result.stderr.splitlines()
    assert err[0] == "error: line 3: not valid JSON: Expecting value at column 1"
    assert err[2] == "error: line 5 (id 'no-text'): the object has no 'text' field"
    assert "error: line 8 (id 'when'): publication time 'kemarin' is not an ISO date" in err[5]
    assert err[-1] == "summary: 2 analysed, 6 rejected, 1 blank lines skipped"


def test_batch_over_long_line_and_non_utf8_line() -> None:
    long_line = json.dumps({"id": "big", "text": "kata " * 100})
    stdin = (long_line + "\n").encode() + b'{"id": "latin", "text": "caf\xe9"}\n' + \
        b'{"id": "ok", "text": "Kereta tiba di Gambir."}\n'
    result = run("analyze", "--jsonl", "-", "--max-bytes", "200", stdin=stdin)
    assert result.exit_code == 1
    out = lines_of(result.stdout)
    assert [o.get("error", {}).get("code") for o in out] == ["too_large", "not_text", None]
    assert out[0]["id"] is None and out[0]["line"] == 1
    assert "line 2: line is not UTF-8: invalid continuation byte (byte 0xe9)" in result.stderr


def test_batch_internal_error_on_one_line_exits_70(monkeypatch: pytest.MonkeyPatch) -> None:
    import warta.pipeline

    real = warta.pipeline.analysis_of

    def fragile(doc: AnalysedDocument, **kwargs: Any) -> Analysis:
        if "meledak" in doc.text:
            raise ZeroDivisionError("division by zero")
        return real(doc, **kwargs)

    monkeypatch.setattr(warta.pipeline, "analysis_of", fragile)
    stdin = ('{"id": "1", "text": "Bom meledak di pasar."}\n'
             '{"id": "2", "text": "Pasar kembali ramai."}\n')
    result = run("analyze", "--jsonl", "-", stdin=stdin)
    assert result.exit_code == 70
    out = lines_of(result.stdout)
    assert out[0] == {"id": "1", "line": 1, "error": {
        "code": "internal_error", "message": "internal error: ZeroDivisionError: division by zero"}}
    assert out[1]["id"] == "2" and "error" not in out[1]


def test_batch_warnings_carry_line_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    _pretend_language(monkeypatch, "en")
    result = run("analyze", "--jsonl", "-", stdin='\n{"id": "en", "text": "Hello there."}\n')
    assert result.exit_code == 0
    assert ("warning: line 2: language looks like 'en', not Indonesian; results will be poor"
            in result.stderr)


def test_batch_input_problems_stop_the_run(tmp_path: Path) -> None:
    missing = run("analyze", "--jsonl", str(tmp_path / "tidak-ada.jsonl"))
    assert missing.exit_code == 6
    assert missing.stdout == ""
    bad_default = run("analyze", "--jsonl", "-", "-p", "besok", stdin='{"text": "Halo."}\n')
    assert bad_default.exit_code == 2
    assert bad_default.stdout == ""


def test_progress_bar_on_a_terminal_leaves_stdout_to_the_json(monkeypatch: pytest.MonkeyPatch,
                                                               tmp_path: Path) -> None:
    import warta.cli.main as cli

    monkeypatch.setattr(cli, "_stderr_is_tty", lambda: True)
    monkeypatch.setattr(cli, "_stderr", lambda: cli.Console(file=sys.stderr, force_terminal=True,
                                                            soft_wrap=True))
    path = tmp_path / "batch.jsonl"
    path.write_text('{"id": "1", "text": "Harga cabai naik."}\nrusak\n', encoding="utf-8")
    result = run("analyze", "--jsonl", str(path))
    assert result.exit_code == 1
    assert [o["id"] for o in lines_of(result.stdout)] == ["1", None]
    assert "analysing" in result.stderr


def test_no_progress_bar_when_stderr_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    result = run("analyze", "--jsonl", "-", stdin='{"id": "1", "text": "Harga cabai naik."}\n')
    assert result.exit_code == 0
    assert "analysing" not in result.stderr


def test_empty_batch_is_ok_and_quiet_silences_the_summary() -> None:
    result = run("analyze", "--jsonl", "-", "-q", stdin="\n\n")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == ""


# --- the real entry point (a subprocess): clean messages, broken pipe -------------------

def _warta(*args: str) -> list[str]:
    return [sys.executable, "-m", "warta.cli", *args]


def test_closed_stdout_ends_the_batch_quietly(tmp_path: Path) -> None:
    # 3,000 rejected lines (no analysis needed, so fast) give ~200 KB of output: more than
    # a pipe buffer, so the writer is still running when the reader goes away.
    stdin = "".join(f"bukan json {i}\n" for i in range(3000)).encode()
    errors = tmp_path / "stderr.txt"
    with errors.open("wb") as err:
        proc = subprocess.Popen(_warta("analyze", "--jsonl", "-"), stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=err, cwd=ROOT)
        assert proc.stdin and proc.stdout
        proc.stdin.write(stdin)
        proc.stdin.close()
        first = proc.stdout.readline()
        proc.stdout.close()
        assert json.loads(first)["line"] == 1
        assert proc.wait(timeout=60) == ExitCode.PIPE_CLOSED
    messages = errors.read_text(encoding="utf-8")
    assert messages.startswith("error: line 1: not valid JSON: Expecting value at column 1\n")
    assert "Traceback" not in messages


# --- version and eval ------------------------------------------------------------------------

def test_version() -> None:
    result = run("version")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"warta   {warta.__version__}\nschema  "
                                    f"{warta.SCHEMA_VERSION}\n")
    data = json.loads(run("version", "-f", "json").stdout)
    assert data["warta"] == warta.__version__
    assert data["schema"] == warta.SCHEMA_VERSION
    assert data["model"] is None or {"name", "version", "path"} <= data["model"].keys()


@dataclass
class FakeScores:
    gold: str
    texts: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"articles": 2, "dates": {"precision": 0.75, "recall": 0.5, "f1": 0.6},
                "amounts": {"precision": 1.0, "recall": 0.25, "f1": 0.4},
                "gold": self.gold, "texts": self.texts}


def _fake_module(monkeypatch: pytest.MonkeyPatch, name: str, function: str) -> list[Any]:
    calls: list[Any] = []

    def evaluate(gold_path: Path, texts_path: Path | None = None) -> FakeScores:
        calls.append((gold_path, texts_path))
        return FakeScores(str(gold_path), str(texts_path) if texts_path else None)

    module = ModuleType(name)
    setattr(module, function, evaluate)
    monkeypatch.setitem(sys.modules, name, module)
    return calls


def test_eval_quotes_table_and_json(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls = _fake_module(monkeypatch, "warta.eval.quotes", "evaluate_quotes_file")
    gold = tmp_path / "quotes.jsonl"
    gold.write_text("{}\n", encoding="utf-8")
    table = run("eval", "quotes", str(gold), "--texts", str(tmp_path))
    assert table.exit_code == 0, table.output
    assert calls == [(gold, tmp_path)]
    for fragment in ("quote scores", "precision", "0.7500", "0.6000", "overall", "articles"):
        assert fragment in table.stdout
    as_json = run("eval", "quotes", str(gold), "-f", "json")
    assert json.loads(as_json.stdout)["dates"]["f1"] == 0.6
    assert calls[-1] == (gold, None)


def test_eval_dates_and_amounts_show_their_part(monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    _fake_module(monkeypatch, "warta.eval.dates_amounts", "evaluate_file")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("{}\n", encoding="utf-8")
    dates = json.loads(run("eval", "dates", str(gold), "-f", "json").stdout)
    amounts = json.loads(run("eval", "amounts", str(gold), "-f", "json").stdout)
    assert "amounts" not in dates and "dates" not in amounts
    assert dates["dates"] == {"precision": 0.75, "recall": 0.5, "f1": 0.6}
    assert amounts["amounts"] == {"precision": 1.0, "recall": 0.25, "f1": 0.4}
    assert dates["articles"] == amounts["articles"] == 2


def test_eval_missing_gold_and_missing_module(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    _fake_module(monkeypatch, "warta.eval.quotes", "evaluate_quotes_file")
    missing = run("eval", "quotes", str(tmp_path / "tidak-ada.jsonl"))
    assert missing.exit_code == 6
    assert "no such gold file" in missing.stderr
    monkeypatch.setitem(sys.modules, "warta.eval.quotes", None)  # import fails
    unavailable = run("eval", "quotes", str(tmp_path))
    assert unavailable.exit_code == 69
    assert unavailable.stderr == ("error: `warta eval quotes` is not available: module "
                                  "warta.eval.quotes is not installed yet\n")


def test_eval_gold_that_does_not_fit_is_bad_data(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    def evaluate(gold_path: Path, texts_path: Path | None = None) -> None:
        raise KeyError("no text for gold articles ['detik-99']")

    module = ModuleType("warta.eval.quotes")
    module.evaluate_quotes_file = evaluate  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "warta.eval.quotes", module)
    gold = tmp_path / "quotes.jsonl"
    gold.write_text("{}\n", encoding="utf-8")
    result = run("eval", "quotes", str(gold))
    assert result.exit_code == ExitCode.BAD_DATA == 65
    assert result.stderr == (f"error: {gold}: KeyError: \"no text for gold articles "
                             "['detik-99']\"\n")


def test_eval_without_the_shared_texts_says_so(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    monkeypatch.setenv("WARTA_SHARED_DATA", str(tmp_path / "nowhere"))
    gold = Path(__file__).resolve().parents[1] / "dev" / "gold" / "entities.jsonl"
    result = run("eval", "entities", str(gold))
    assert result.exit_code == ExitCode.BAD_DATA
    assert result.stderr.startswith("error: article texts not found at ")
    assert "WARTA_SHARED_DATA" in result.stderr and "bug" not in result.stderr


def test_eval_ner_passes_the_pipeline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: list[Any] = []

    @dataclass
    class NerScores:  # offers as_dict(), not to_dict()
        def as_dict(self) -> dict[str, Any]:
            return {"overall": {"p": 0.8, "r": 0.5, "f1": 0.6154}}

    def evaluate_ner(conll_path: Path, nlp: Any, spans_key: str | None = None) -> NerScores:
        seen.append((conll_path, nlp, spans_key))
        return NerScores()

    module = ModuleType("warta.eval.ner")
    module.evaluate_ner = evaluate_ner  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "warta.eval.ner", module)
    conll = tmp_path / "dev.conll"
    conll.write_text("Jokowi\tB-PER\n\n", encoding="utf-8")
    result = run("eval", "ner", str(conll))
    assert result.exit_code == 0, result.output
    from warta.nlp.pipeline import get_nlp

    assert seen == [(conll, get_nlp(None), None)]
    assert "NER scores, ner" in result.stdout
    assert "0.6154" in result.stdout


def test_eval_ner_of_a_head_the_pipeline_lacks_is_a_clear_error(tmp_path: Path) -> None:
    import spacy

    model = tmp_path / "blank"
    spacy.blank("id").to_disk(model)
    conll = tmp_path / "dev.conll"
    conll.write_text("Jokowi\tB-PER\n\n", encoding="utf-8")
    result = run("eval", "ner", str(conll), "--model", str(model), "--head", "ner_corpus")
    assert result.exit_code == ExitCode.USAGE, result.output
    assert result.stderr.startswith("error: --head ner_corpus: the pipeline has no such component")


def test_train_smoke_writes_a_loadable_pipeline(tmp_path):
    """`warta train --smoke` runs the real training code on a few hundred sentences."""
    import spacy

    data = Path(__file__).resolve().parents[1].parent / "shared" / "data"
    if not (data / "ner" / "idner-news-2k" / "train.conll").exists():
        pytest.skip("../shared/data is absent")
    out = tmp_path / "model"
    result = CliRunner().invoke(app, ["train", "--smoke", "--data", str(data), "-o", str(out)])
    assert result.exit_code == 0, result.output
    nlp = spacy.load(out)
    # the ruler right after ner (it runs the components before it over its patterns at
    # every load), the UD components after it, and the tokenizer built once from disk
    assert nlp.component_names == ["tok2vec", "ner", "entity_ruler", "ner_corpus", "tok2vec_ud",
                                   "morphologizer", "trainable_lemmatizer", "parser"]
    assert nlp.config["nlp"]["tokenizer"] == {"@tokenizers": "warta.Tokenizer.v1"}
    assert [t.text for t in nlp("Katanya di Jl. Sudirman.")] == [
        "Kata", "nya", "di", "Jl.", "Sudirman", "."]
    # beside it, the member parsers of the parse vote (in smoke mode the one with a wider
    # encoder window and the one with more parser features), which warta.load() puts
    # to work after the parser
    vote = spacy.load(tmp_path / "model_vote")
    assert vote.pipe_names == ["parser_seed1", "parser_seed3"]
    members = [vote.config["components"][name]["model"] for name in vote.pipe_names]
    assert [m["tok2vec"]["encode"]["window_size"] for m in members] == [2, 1]
    assert [m["extra_state_tokens"] for m in members] == [False, True]
    # and the idner-convention head's ensemble members (one of each kind in smoke mode:
    # hashed affixes, then characters)
    corpus = spacy.load(tmp_path / "model_corpus")
    assert corpus.pipe_names == ["member1", "member2"]
    assert [corpus.config["components"][name]["model"]["tok2vec"]["embed"]["@architectures"]
            for name in corpus.pipe_names] == ["spacy.MultiHashEmbed.v2", "spacy.CharacterEmbed.v2"]
    loaded = warta.load(str(out))
    assert loaded.pipe_names.index("parse_vote") == loaded.pipe_names.index("parser") + 1
    assert len(loaded.get_pipe("ner_corpus").members) == 2
    doc = loaded("Menteri itu meresmikan jembatan baru. Warga menyambutnya.")
    # a smoke model parses badly, but the vote always gives one tree per Warta sentence
    assert [s.start for s in doc.sents] == [0, 6]
    assert [sum(t.dep_ == "ROOT" for t in s) for s in doc.sents] == [1, 1]


def test_train_without_data_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["train", "--data", str(tmp_path / "nowhere")])
    assert result.exit_code == 6
    assert "data folder" in result.output


@pytest.mark.parametrize(("command", "content", "fragment"), [
    ("ner", "Budi\tB-PER\nSantoso\n\n", "line 2: expected TOKEN<TAB>TAG, found 'Santoso'"),
    ("ner", "", "no sentences"),
    ("ud", "Budi\tB-PER\n\n", "line 1: not a CoNLL-U word line"),
    ("ud", "# text = kosong\n\n", "no sentences (expected CoNLL-U)"),
])
def test_eval_of_a_file_in_another_format_is_bad_data(tmp_path: Path, command: str,
                                                      content: str, fragment: str) -> None:
    # a file that is not TOKEN<TAB>TAG (or CoNLL-U) used to score 0 without a word
    path = tmp_path / "gold.txt"
    path.write_text(content, encoding="utf-8")
    result = run("eval", command, str(path))
    assert result.exit_code == ExitCode.BAD_DATA
    assert fragment in result.stderr and "Traceback" not in result.stderr
