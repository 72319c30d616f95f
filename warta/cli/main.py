"""`warta` CLI entry point (placeholder)."""

import typer

app = typer.Typer(no_args_is_help=True)


@app.command()
def analyze(path: str) -> None:
    """Analyse one article."""
    import warta

    with open(path, encoding="utf-8") as fh:
        print(warta.analyze(fh.read()).to_dict())
