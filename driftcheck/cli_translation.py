"""CLI commands `driftcheck translation SOURCE TARGET` and `driftcheck pairs FILE`, added to the main app.

Kept out of cli.py so the translation feature can evolve without touching the compare command; cli.py calls
:func:`register` once. Exit codes are those of every command: 0 ran, 1 findings at/above --fail-on,
2 input error, 3 internal error.
"""

# No `from __future__ import annotations`: typer reads the Annotated option types, some of which are imported
# inside register() (to avoid an import cycle with cli.py), so they must be evaluated where they are defined.

from pathlib import Path
from typing import Annotated

import typer

PAIRS_FORMATS = ("json", "csv", "markdown", "html")


def _check_pairs_format(value: str) -> str:
    if value not in PAIRS_FORMATS:
        raise typer.BadParameter(f"must be one of {', '.join(PAIRS_FORMATS)}")
    return value


def register(app: typer.Typer) -> None:
    """Add the `translation` and `pairs` commands to a typer app (calling it again does nothing)."""
    from .cli import (
        CacheDirOpt,
        FailOnOpt,
        FormatOpt,
        HtmlOpt,
        JsonOpt,
        LanguagesOpt,
        MarkdownOpt,
        ModelOpt,
        NoCacheOpt,
        QuietOpt,
    )

    if any(command.name in ("translation", "pairs") for command in app.registered_commands):
        return

    @app.command(name="translation")
    def translation(
        source: Annotated[str, typer.Argument(help="The source article (.txt .md .html).")],
        target: Annotated[str, typer.Argument(help="Its translation (.txt .md .html).")],
        json_out: JsonOpt = None,
        html_out: HtmlOpt = None,
        markdown_out: MarkdownOpt = None,
        output_format: FormatOpt = None,
        model: ModelOpt = None,
        languages: LanguagesOpt = "en,de,zh",
        include_furniture: Annotated[
            bool,
            typer.Option("--include-furniture", help="Also align captions, bylines and other furniture."),
        ] = False,
        fail_on: FailOnOpt = None,
        no_cache: NoCacheOpt = False,
        cache_dir: CacheDirOpt = None,
        quiet: QuietOpt = False,
    ) -> None:
        """Align a source and its translation in order; report drifted facts, omissions and additions."""
        from .cli import _emit, _parse_languages, _with_progress, guarded

        def run() -> int:
            from .translation import TranslationOptions, run_translation

            options = TranslationOptions(
                encoder=model,
                languages=_parse_languages(languages),
                include_furniture=include_furniture,
                cache_dir=cache_dir,
                use_cache=not no_cache,
            )
            report = _with_progress(
                lambda progress: run_translation(source, target, options, progress), quiet
            )
            return _emit(report, json_out, html_out, markdown_out, output_format, fail_on, quiet)

        raise typer.Exit(guarded(run))

    @app.command(name="pairs")
    def pairs(
        file: Annotated[
            str, typer.Argument(metavar="FILE", help="Segment pairs: .tsv, .jsonl, .tmx, .xlf/.xliff.")
        ],
        json_out: Annotated[
            Path | None,
            typer.Option("--json", help="Write the JSON report here (besides --output, when given)."),
        ] = None,
        output_format: Annotated[
            str,
            typer.Option(
                "--format",
                help="Format of --output: json, csv, markdown or html.",
                callback=_check_pairs_format,
            ),
        ] = "json",
        output: Annotated[
            Path | None,
            typer.Option("--output", "-o", help="Write the report here (default reports/NAME.EXT)."),
        ] = None,
        glossary: Annotated[
            str | None, typer.Option("--glossary", help="Glossary: .tsv (term, target[, alt...]) or .yaml.")
        ] = None,
        languages: LanguagesOpt = "en,de,zh",
        fail_on: FailOnOpt = None,
        quiet: QuietOpt = False,
    ) -> None:
        """Compare the facts of already-paired segments (no model is loaded); findings carry segment ids."""
        from .cli import _parse_languages, emit_outputs, guarded

        def run() -> int:
            from .translation import TranslationOptions, run_pairs

            report = run_pairs(file, TranslationOptions(languages=_parse_languages(languages)), glossary)
            suffix = {"json": ".json", "csv": ".csv", "markdown": ".md", "html": ".html"}[output_format]
            requested: list[tuple[str, Path]] = []
            if output is not None:
                requested.append((output_format, output))
            elif json_out is None or output_format != "json":
                # No --output: the --format report goes to reports/, unless --json already names the JSON.
                requested.append((output_format, Path("reports") / f"{report.name}{suffix}"))
            if json_out is not None:
                requested.append(("json", json_out))
            return emit_outputs(report, requested, fail_on, quiet)

        raise typer.Exit(guarded(run))
