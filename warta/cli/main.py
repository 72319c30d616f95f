"""The `warta` command line: analyse articles, run evaluations, show versions.

Reading and validating input is :mod:`warta.ingest`'s job and analysing it
:func:`warta.analyze`'s; this module parses options, formats results and turns
every failure into a one-line message and a documented exit code (see
:class:`warta.errors.ExitCode` and docs/CLI.md) — never a traceback.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import click
import typer
from rich.console import Console
from rich.text import Text

from warta.errors import (
    EXIT_CODE_MEANINGS,
    BadDataError,
    BadModelError,
    ExitCode,
    InputNotReadableError,
    UnavailableError,
    WartaInputError,
)
from warta.ingest import DEFAULT_MAX_BYTES


def _exit_code_help() -> str:
    """The exit-code table for --help (``\\b`` stops click re-wrapping it)."""
    lines = [f"{int(code):>3}  {meaning}" for code, meaning in EXIT_CODE_MEANINGS.items()]
    return "\b\nExit codes:\n" + "\n".join(lines)


app = typer.Typer(
    name="warta",
    help="Warta: offline, Indonesian-first news intelligence. Every fact comes with the "
         "character span that proves it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
eval_app = typer.Typer(
    help="Score Warta against hand-annotated gold files.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(eval_app, name="eval")


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


class NerHead(StrEnum):
    """Which NER output ``warta eval ner`` scores."""

    ner = "ner"
    ner_corpus = "ner_corpus"


# --- error handling -----------------------------------------------------------------------

def _stderr() -> Console:
    """A console on the *current* stderr (tests swap the streams)."""
    return Console(file=sys.stderr, soft_wrap=True, highlight=False)


def _say(err: Console, level: str, message: str) -> None:
    style = {"error": "bold red", "warning": "yellow"}.get(level, "")
    line = Text()
    line.append(f"{level}:", style=style)
    line.append(f" {message}")
    err.print(line)


@contextmanager
def _guarded(err: Console) -> Iterator[None]:
    """Turn every exception into a one-line message and its exit code."""
    from warta.cli.batch import internal_message

    try:
        yield
    except (typer.Exit, typer.Abort, click.exceptions.Exit, click.ClickException,
            click.exceptions.Abort):
        raise
    except (WartaInputError, UnavailableError, BadDataError) as exc:
        _say(err, "error", str(exc))
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        _say(err, "error", "interrupted")
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(ExitCode.PIPE_CLOSED) from None
    except Exception as exc:
        _say(err, "error", internal_message(exc) + " (this is a bug in Warta; please report it)")
        raise typer.Exit(ExitCode.INTERNAL) from None


def _silence_stdout() -> None:
    """After the reader of stdout went away, stop Python complaining at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


# --- analyze --------------------------------------------------------------------------------

def _check_model(model: str | None) -> None:
    if model is None:
        return
    path = Path(model)
    if not path.is_dir():
        raise BadModelError(f"--model {model}: no such directory")
    if not (path / "config.cfg").exists():
        raise BadModelError(f"--model {model}: not a spaCy pipeline directory (no config.cfg)")


def _check_published(published: str | None) -> None:
    from warta.errors import BadPublishedError
    from warta.pipeline import parse_published

    try:
        parse_published(published)
    except BadPublishedError as exc:
        raise BadPublishedError(f"--published: {exc}") from None


@app.command(epilog=_exit_code_help())
def analyze(
    path: Annotated[str | None, typer.Argument(
        metavar="PATH|-", show_default=False,
        help="UTF-8 text file with one article, or - to read it from stdin.")] = None,
    jsonl: Annotated[str | None, typer.Option(
        "--jsonl", metavar="IN.jsonl|-", show_default=False,
        help="Batch mode: read one JSON object per line (id, text, optional published and "
             "title) and write one compact JSON analysis, or error object, per line.")] = None,
    output_format: Annotated[OutputFormat | None, typer.Option(
        "--format", "-f", show_default=False,
        help="text (readable view, default) or json (the full analysis). "
             "--jsonl always writes JSON lines.")] = None,
    published: Annotated[str | None, typer.Option(
        "--published", "-p", metavar="ISO", show_default=False,
        help="Publication date or datetime, e.g. 2023-10-24 or 2023-10-24T09:30; anchors "
             "relative dates. With --jsonl: the default for lines without one.")] = None,
    doc_id: Annotated[str | None, typer.Option(
        "--id", show_default=False, help="Identifier echoed in the analysis.")] = None,
    title: Annotated[str | None, typer.Option(
        "--title", show_default=False, help="Title echoed in the analysis.")] = None,
    model: Annotated[str | None, typer.Option(
        "--model", metavar="DIR", show_default=False,
        help="spaCy pipeline directory to use instead of the shipped one.")] = None,
    max_bytes: Annotated[int, typer.Option(
        "--max-bytes", min=1, metavar="N",
        help="Largest input accepted, in bytes (with --jsonl: per line).")] = DEFAULT_MAX_BYTES,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No warnings or batch summary on stderr (errors still).")
    ] = False,
) -> None:
    """Analyse one article (PATH or - for stdin), or a JSONL batch (--jsonl).

    Offsets in the output are Python string indices (code points) into the
    text exactly as decoded from UTF-8. Blank lines in a --jsonl batch are
    skipped; every other line gets one output line, in input order.
    """
    err = _stderr()
    with _guarded(err):
        if path is not None and jsonl is not None:
            raise WartaInputError("give either PATH or --jsonl, not both")
        if path is None and jsonl is None:
            raise WartaInputError("nothing to analyse: give a PATH (- for stdin) or "
                                  "--jsonl IN.jsonl")
        _check_published(published)
        _check_model(model)
        if jsonl is not None:
            if output_format is OutputFormat.text:
                raise WartaInputError("--jsonl writes JSON lines; --format text does not apply")
            if doc_id is not None or title is not None:
                raise WartaInputError("--id and --title do not apply to --jsonl; each line "
                                      "carries its own")
            _analyze_batch(jsonl, err, published=published, model=model,
                           max_bytes=max_bytes, quiet=quiet)
            return
        assert path is not None
        _analyze_one(path, err, output_format or OutputFormat.text, published=published,
                     doc_id=doc_id, title=title, model=model, max_bytes=max_bytes, quiet=quiet)


def _analyze_one(path: str, err: Console, output_format: OutputFormat, *,
                 published: str | None, doc_id: str | None, title: str | None,
                 model: str | None, max_bytes: int, quiet: bool) -> None:
    import warta
    from warta.ingest import read_text

    if path == "-" and sys.stdin.isatty() and not quiet:
        _say(err, "note", "reading the article from stdin; end it with Ctrl-D")
    text = read_text(path, max_bytes)
    analysis = warta.analyze(text, published, id=doc_id, title=title, model=model)
    if not quiet:
        for warning in analysis.warnings:
            _say(err, "warning", warning)
    if output_format is OutputFormat.json:
        data = json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2, allow_nan=False)
        sys.stdout.write(data + "\n")
        sys.stdout.flush()
    else:
        from warta.cli.render import render_analysis

        render_analysis(analysis, Console(file=sys.stdout, highlight=False))


def _analyze_batch(source: str, err: Console, *, published: str | None, model: str | None,
                   max_bytes: int, quiet: bool) -> None:
    from warta.cli.batch import run_batch
    from warta.ingest import open_input

    def report(level: str, message: str) -> None:
        if level == "error" or not quiet:
            _say(err, level, message)

    out = sys.stdout
    with open_input(source) as (stream, size), _progress(err, size) as advance:
        summary = run_batch(stream, out, max_bytes=max_bytes, published=published,
                            model=model, report=report, advance=advance)
    if not quiet or summary.exit_code != ExitCode.OK:
        _say(err, "summary", summary.describe())
    if summary.exit_code != ExitCode.OK:
        raise typer.Exit(summary.exit_code)


def _stderr_is_tty() -> bool:
    """Whether stderr is a terminal (FORCE_COLOR and the like do not count)."""
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def _progress(err: Console, total: int | None) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr when stderr is a terminal; a no-op otherwise."""
    if not _stderr_is_tty():
        yield lambda done: None
        return
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = [SpinnerColumn(), TextColumn("analysing"), BarColumn(), DownloadColumn(),
               TimeElapsedColumn()]
    # never redirect stdout: it carries the JSON lines, not messages for the console
    with Progress(*columns, console=err, transient=True, redirect_stdout=False,
                  redirect_stderr=False) as progress:
        task = progress.add_task("analysing", total=total)
        yield lambda done: progress.update(task, completed=done)


# --- version --------------------------------------------------------------------------------

def version_info(model: str | None = None) -> dict[str, Any]:
    """Package, schema, spaCy and model versions (the model is loaded to ask it)."""
    import spacy

    import warta
    from warta.nlp.pipeline import MODEL_DIR, get_nlp

    model_dir = Path(model) if model else MODEL_DIR
    info: dict[str, Any] = {"warta": warta.__version__, "schema": warta.SCHEMA_VERSION,
                            "spacy": spacy.__version__, "model": None}
    if (model_dir / "config.cfg").exists():
        nlp = get_nlp(model)
        info["model"] = {"name": f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}",
                         "version": nlp.meta.get("version"), "path": str(model_dir),
                         "pipes": list(nlp.pipe_names)}
    return info


@app.command()
def train(
    output: Annotated[str, typer.Option("--output", "-o", metavar="DIR",
                                        help="where to write the pipeline")] =
    "warta/models/id_warta",
    data: Annotated[str, typer.Option("--data", metavar="DIR",
                                      help="the shared data folder")] = "../shared/data",
    smoke: Annotated[bool, typer.Option("--smoke", help="a few hundred sentences, one "
                                        "epoch: checks the training code, not a model")] = False,
    seed: Annotated[int, typer.Option("--seed")] = 0,
) -> None:
    """Rebuild the shipped pipeline (NER, tagger, lemmatizer, parser) from ../shared/data
    (the `make models` step)."""
    with _guarded(_stderr()):
        from warta.train.pipeline import build_pipeline

        data_dir = _existing(data, "data folder")
        path = build_pipeline(Path(output), Path(data_dir), seed=seed, smoke=smoke)
        _stderr().print(f"trained pipeline written to {path}")


@app.command()
def version(
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.text,
    model: Annotated[str | None, typer.Option("--model", metavar="DIR",
                                              show_default=False)] = None,
) -> None:
    """Show the versions of Warta, its schema, spaCy and the model in use."""
    err = _stderr()
    with _guarded(err):
        _check_model(model)
        info = version_info(model)
        if output_format is OutputFormat.json:
            sys.stdout.write(json.dumps(info, ensure_ascii=False, indent=2) + "\n")
            return
        m = info["model"]
        model_line = (f"{m['name']} {m['version']} ({m['path']})" if m else
                      "none (blank 'id' tokenizer; rule-based fallbacks)")
        for key, value in (("warta", info["warta"]), ("schema", info["schema"]),
                           ("spaCy", info["spacy"]), ("model", model_line)):
            sys.stdout.write(f"{key:<7} {value}\n")


# --- eval -----------------------------------------------------------------------------------

def _evaluator(module: str, function: str, command: str) -> Callable[..., Any]:
    """Import a colleague's evaluation function only when its command runs."""
    try:
        return getattr(importlib.import_module(module), function)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            raise UnavailableError(f"`warta eval {command}` is not available: module {module} "
                                   "is not installed yet") from None
        raise
    except AttributeError:
        raise UnavailableError(f"`warta eval {command}` is not available: {module} has no "
                               f"{function}()") from None


def _existing(path: str, what: str) -> Path:
    p = Path(path)
    if not p.exists():
        raise InputNotReadableError(f"{path}: no such {what}")
    return p


def _scores(run: Callable[[], Any], gold: str) -> dict[str, Any]:
    """Run an evaluator and return its result as a dict.

    The evaluators raise ``ValueError``/``KeyError`` when the gold does not fit
    its texts: that is bad data (exit 65), not a bug in Warta.
    """
    try:
        result = run()
    except BadDataError:
        raise  # already says what is wrong (e.g. the shared texts are absent)
    except (ValueError, KeyError) as exc:
        detail = " ".join(str(exc).split())
        raise BadDataError(f"{gold}: {type(exc).__name__}: {detail}") from None
    for method in ("to_dict", "as_dict"):
        if callable(getattr(result, method, None)):
            return getattr(result, method)()
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        return dataclasses.asdict(result)
    if isinstance(result, dict):
        return result
    raise TypeError(f"the evaluator returned a {type(result).__name__}, not scores")


def _emit_scores(title: str, data: dict[str, Any], output_format: OutputFormat) -> None:
    if output_format is OutputFormat.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    from warta.cli.render import render_scores

    render_scores(title, data, Console(file=sys.stdout, highlight=False))


GoldArg = Annotated[str, typer.Argument(metavar="GOLD.jsonl", help="Gold annotations.")]
TextsOpt = Annotated[str | None, typer.Option(
    "--texts", metavar="PATH", show_default=False,
    help="Where the article texts are (default: the evaluator's own default).")]
FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f",
                                                 help="text (a table) or json.")]


def _run_gold_eval(module: str, function: str, part: str, title: str, gold: str,
                   texts: str | None, output_format: OutputFormat,
                   keep: Callable[[str], bool] = lambda key: True) -> None:
    """Score against a gold JSONL file whose texts come with it or from --texts."""
    evaluate = _evaluator(module, function, part)
    gold_path = _existing(gold, "gold file")
    texts_path = _existing(texts, "texts path") if texts else None
    data = _scores(lambda: evaluate(gold_path, texts_path=texts_path), gold)
    data = {k: v for k, v in data.items() if keep(k)}
    _emit_scores(f"{title} ({gold})", data, output_format)


def _run_dates_amounts(part: str, gold: str, texts: str | None,
                       output_format: OutputFormat) -> None:
    other = "amounts" if part == "dates" else "dates"  # report the part asked for
    _run_gold_eval("warta.eval.dates_amounts", "evaluate_file", part, f"{part} scores", gold,
                   texts, output_format, keep=lambda key: key != other)


@eval_app.command("quotes")
def eval_quotes(gold: GoldArg, texts: TextsOpt = None,
                output_format: FormatOpt = OutputFormat.text) -> None:
    """Score quote extraction (kind, span, speaker) against GOLD.jsonl."""
    with _guarded(_stderr()):
        _run_gold_eval("warta.eval.quotes", "evaluate_quotes_file", "quotes", "quote scores",
                       gold, texts, output_format)


@eval_app.command("entities")
def eval_entities(gold: GoldArg, texts: TextsOpt = None,
                  output_format: FormatOpt = OutputFormat.text) -> None:
    """Score entity mentions (span + type) and alias links against GOLD.jsonl."""
    with _guarded(_stderr()):
        _run_gold_eval("warta.eval.entities", "evaluate_entities_file", "entities",
                       "entity scores", gold, texts, output_format)


@eval_app.command("dates")
def eval_dates(gold: GoldArg, texts: TextsOpt = None,
               output_format: FormatOpt = OutputFormat.text) -> None:
    """Score date extraction against GOLD.jsonl."""
    with _guarded(_stderr()):
        _run_dates_amounts("dates", gold, texts, output_format)


@eval_app.command("amounts")
def eval_amounts(gold: GoldArg, texts: TextsOpt = None,
                 output_format: FormatOpt = OutputFormat.text) -> None:
    """Score amount extraction against GOLD.jsonl."""
    with _guarded(_stderr()):
        _run_dates_amounts("amounts", gold, texts, output_format)


@eval_app.command("ner")
def eval_ner(
    conll: Annotated[str, typer.Argument(metavar="CONLL",
                                         help="token<TAB>BIO-tag file, blank line between "
                                              "sentences.")],
    model: Annotated[str | None, typer.Option("--model", metavar="DIR",
                                              show_default=False)] = None,
    head: Annotated[NerHead, typer.Option(
        "--head", help="ner: the entities the analysis reads (doc.ents); ner_corpus: the "
                       "second head, trained to annotate as idner-news-2k does "
                       "(doc.spans['ner_corpus']).")] = NerHead.ner,
    output_format: FormatOpt = OutputFormat.text,
) -> None:
    """Score the NER of the nlp pipeline (or --model) on a CoNLL file."""
    with _guarded(_stderr()):
        evaluate = _evaluator("warta.eval.ner", "evaluate_ner", "ner")
        conll_path = _existing(conll, "CoNLL file")
        _check_model(model)
        from warta.nlp.pipeline import get_nlp

        nlp = get_nlp(model, corpus_head=head is NerHead.ner_corpus)
        spans_key = None if head is NerHead.ner else head.value
        if spans_key and spans_key not in nlp.pipe_names:
            raise BadModelError(f"--head {spans_key}: the pipeline has no such component "
                                f"(it has {', '.join(nlp.pipe_names) or 'none'})")
        data = _scores(lambda: evaluate(conll_path, nlp, spans_key=spans_key), conll)
        _emit_scores(f"NER scores, {head.value} ({conll})", data, output_format)


@eval_app.command("ud")
def eval_ud(
    conllu: Annotated[str, typer.Argument(metavar="CONLLU",
                                          help="a Universal Dependencies CoNLL-U file.")],
    model: Annotated[str | None, typer.Option("--model", metavar="DIR",
                                              show_default=False)] = None,
    output_format: FormatOpt = OutputFormat.text,
) -> None:
    """Score UPOS, features, lemmas, UAS and LAS on the gold words of a CoNLL-U file."""
    with _guarded(_stderr()):
        evaluate = _evaluator("warta.eval.ud", "evaluate_ud", "ud")
        conllu_path = _existing(conllu, "CoNLL-U file")
        _check_model(model)
        from warta.nlp.pipeline import get_nlp

        nlp = get_nlp(model, syntax=True)
        data = _scores(lambda: evaluate(conllu_path, nlp), conllu)
        _emit_scores(f"UD scores ({conllu})", data, output_format)


def main() -> None:
    """Entry point for ``python -m warta.cli.main``."""
    app()


if __name__ == "__main__":
    main()
