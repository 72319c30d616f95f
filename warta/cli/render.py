"""The readable view of an analysis (and of evaluation scores) for a terminal.

Only presentation lives here: every cell is built as a rich ``Text`` so that
square brackets in an article are never read as rich markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from warta.schema import Analysis, Quote

TYPE_STYLES = {"PER": "bold cyan", "ORG": "bold magenta", "GPE": "bold green",
               "LOC": "green", "MISC": "yellow"}


def render_analysis(analysis: Analysis, console: Console) -> None:
    """Print the header, then one table per kind of fact (or a line saying none)."""
    console.print(_header(analysis))
    _section(console, "Entities", analysis.entities, _entities_table)
    _section(console, "Quotes", analysis.quotes, _quotes_table)
    _section(console, "Dates", analysis.dates, _dates_table)
    _section(console, "Amounts", analysis.amounts, _amounts_table)
    _section(console, "Attributions", analysis.attributions, _attributions_table)


def _header(a: Analysis) -> Panel:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    rows: list[tuple[str, str]] = [
        ("id", a.id if a.id is not None else "—"),
        ("language", f"{a.language.code} (confidence {a.language.confidence:.2f})"),
        ("length", f"{a.text_length:,} characters, {len(a.sentences)} sentences"),
        ("published", a.published or "—"),
    ]
    if a.title:
        rows.insert(1, ("title", a.title))
    for key, value in rows:
        grid.add_row(key, Text(value))
    found = (f"{len(a.entities)} entities · {len(a.quotes)} quotes · {len(a.dates)} dates · "
             f"{len(a.amounts)} amounts · {len(a.attributions)} attributions")
    return Panel(Group(grid, Text(found, style="dim")),
                 title=f"[bold]Warta analysis[/] [dim](schema {a.schema_version})[/]",
                 title_align="left", border_style="blue")


def _section(console: Console, title: str, items: Sequence[Any], build: Any) -> None:
    console.print()
    if not items:
        console.print(Text(f"{title}: none found", style="dim"))
        return
    console.print(build(items, title))


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD)
    for name in columns:
        if name in ("span", "kind", "type", "mentions", "id"):
            table.add_column(name, no_wrap=True)
        else:
            table.add_column(name, max_width=40, overflow="fold")
    return table


def _span(start: int, end: int) -> Text:
    return Text(f"{start}–{end}", style="dim")


def _entities_table(entities: Iterable[Any], title: str) -> Table:
    table = _table(title, "id", "name", "type", "aliases", "roles", "mentions")
    for e in entities:
        table.add_row(Text(e.id, style="dim"), Text(e.name, style="bold"),
                      Text(e.type or "?", style=TYPE_STYLES.get(e.type or "", "dim")),
                      Text(", ".join(e.aliases)), Text("; ".join(r.text for r in e.roles)),
                      Text(str(len(e.mentions)), justify="right"))
    return table


def _quotes_table(quotes: Sequence[Quote], title: str) -> Group:
    """Quotes as a list, not a table: their text is long and needs the full width."""
    parts: list[Any] = [Text(f"{title} ({len(quotes)})", style="bold")]
    for n, q in enumerate(quotes, 1):
        head = Text(f"{n:>3}. ")
        head.append(q.kind, style="cyan" if q.kind == "direct" else "blue")
        head.append("  ")
        if q.speaker is None:
            head.append("speaker unknown", style="dim")
        else:
            head.append(q.speaker.name, style="bold")
            if q.speaker.entity:
                head.append(f" [{q.speaker.entity}]", style="dim")
            if q.speaker.text and q.speaker.text != q.speaker.name:
                head.append(f" (as “{q.speaker.text}”)", style="dim")
            if q.speaker.note:
                head.append(f" — {q.speaker.note}", style="dim")
        if q.cue is not None:
            head.append("  cue: ", style="dim")
            head.append(q.cue.text, style="green")
        head.append(f"  {q.start}–{q.end}", style="dim")
        body = Text(f"“{q.text}”" if q.kind == "direct" else q.text,
                    style="italic" if q.kind == "direct" else "")
        parts.extend([head, Padding(body, (0, 0, 0, 7))])
    return Group(*parts)


def _dates_table(dates: Iterable[Any], title: str) -> Table:
    table = _table(title, "as written", "value", "granularity", "kind", "qualifier", "span")
    for d in dates:
        table.add_row(Text(d.text, style="bold"), Text(d.value or "unresolved",
                                                       style="" if d.value else "dim"),
                      Text(d.granularity), Text(d.kind), _qualifier(d.qualifier),
                      _span(d.start, d.end))
    return table


def _amounts_table(amounts: Iterable[Any], title: str) -> Table:
    table = _table(title, "as written", "value", "unit", "qualifier", "span")
    for m in amounts:
        table.add_row(Text(m.text, style="bold"), Text(format_number(m.value), justify="right"),
                      Text(m.unit or "—"), _qualifier(m.qualifier), _span(m.start, m.end))
    return table


def _attributions_table(attributions: Iterable[Any], title: str) -> Table:
    table = _table(title, "name", "role", "as written", "span")
    for a in attributions:
        table.add_row(Text(a.name, style="bold"), Text(a.role), Text(a.text),
                      _span(a.start, a.end))
    return table


def _qualifier(q: str) -> Text:
    return Text(q, style="dim" if q == "exact" else "yellow")


def format_number(value: float) -> str:
    """1500000000000.0 → "1,500,000,000,000"; 2.5 → "2.5"."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        value = int(value)
    return f"{value:,}"


# --- evaluation scores ----------------------------------------------------------------------

def render_scores(title: str, data: dict[str, Any], console: Console) -> None:
    """Print an evaluation result of any shape.

    Each dict of numbers becomes a row named by its path ("speaker.direct");
    top-level numbers form the row "overall"; lists are summarised by their
    length (the JSON view has them).  Rows with the same fields share a table,
    so P/R/F1 rows and accuracy rows each get readable columns.
    """
    rows: list[tuple[str, dict[str, Any]]] = []
    _collect_rows("", data, rows)
    groups: dict[tuple[str, ...], list[tuple[str, dict[str, Any]]]] = {}
    for label, row in rows:
        groups.setdefault(tuple(row), []).append((label or "overall", row))
    console.print(Text(title, style="bold"))
    for columns, members in groups.items():
        if len(members) == 1 and len(columns) <= 2:
            label, row = members[0]
            for key, value in row.items():
                name = key if label == "overall" else f"{label} {key}".strip()
                console.print(Text.assemble((f"  {name}: ", "dim"), _cell(value)))
            continue
        if len(members) == 1:  # one row of many fields reads better standing up
            label, row = members[0]
            table = Table(box=box.SIMPLE_HEAD)
            table.add_column("")
            table.add_column(label, justify="right")
            for key, value in row.items():
                table.add_row(Text(key, style="bold"), Text(_cell(value)))
            console.print(table)
            continue
        table = Table(box=box.SIMPLE_HEAD)
        table.add_column("")
        for name in columns:
            table.add_column(name, justify="right")
        for label, row in members:
            table.add_row(Text(label, style="bold"), *(Text(_cell(row[c])) for c in columns))
        console.print(table)


def _collect_rows(label: str, data: dict[str, Any], rows: list[tuple[str, dict[str, Any]]]
                  ) -> None:
    scalars = {k: v for k, v in data.items() if not isinstance(v, dict | list)}
    if scalars:
        rows.append((label, scalars))
    for key, value in data.items():
        name = f"{label}.{key}" if label else str(key)
        if isinstance(value, dict):
            _collect_rows(name, value, rows)
        elif isinstance(value, list) and not label:
            rows.append((name, {"": f"{len(value)} (listed by -f json)"}))


def _cell(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, float):
        # four digits, as the JSON gives them: rounding those again to three would
        # double-round (0.83049 → 0.8305 → 0.831)
        return f"{value:.4f}" if abs(value) <= 1 else f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
