"""The command-line interface: a thin typer layer over the pipeline. Errors become one line and an exit code.

Exit codes, for every command: 0 ran; 1 unsuppressed findings at or above --fail-on (or, for `check`, a known
error missed or a non-error flagged); 2 usage or input error; 3 an unexpected internal error.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from . import __version__
from .errors import DriftcheckError, OutputError

EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_INTERNAL = 3

app = typer.Typer(
    name="driftcheck",
    help="Find facts that drift between versions of one story across outlets and languages.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_state: dict[str, Any] = {"debug": False}
T = TypeVar("T")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"driftcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")] = False,
) -> None:
    """driftcheck: align what several versions of a story say and flag the facts that drifted."""
    _state["debug"] = debug


def _err(message: str) -> None:
    typer.echo(f"driftcheck: {message}", err=True)


def guarded(run: Callable[[], T]) -> T:
    """Run a command body; typed errors become one line + exit 2, anything else one line + exit 3."""
    try:
        return run()
    except typer.Exit:
        raise
    except DriftcheckError as exc:
        _err(f"error: {exc}")
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        _err("interrupted")
        raise typer.Exit(130) from None
    except Exception as exc:
        if _state["debug"]:
            traceback.print_exc()
        first = str(exc).splitlines()[0] if str(exc) else ""
        _err(f"internal error: {type(exc).__name__}: {first} (run with --debug for the traceback)")
        raise typer.Exit(EXIT_INTERNAL) from None


def write_all(outputs: list[tuple[Path, str]]) -> None:
    """Write every report or none: temporary files first (directories created as needed), then renames.

    A failure on any output removes the temporary files and the directories this call created, so a run
    that exits 2 leaves nothing behind. Files get the usual permissions (0666 less the umask), not
    mkstemp's 0600, so colleagues and web servers can read the reports. Errors name the path the user
    gave, never a temporary file.
    """
    umask = os.umask(0)
    os.umask(umask)
    created: list[Path] = []
    pending: list[tuple[str, Path]] = []
    current = outputs[0][0] if outputs else Path(".")
    try:
        for path, _ in outputs:
            current = path
            if path.is_dir():  # before anything is created: a directory is never replaced by a report
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        for path, text in outputs:
            current = path
            missing = [p for p in [path.parent, *path.parent.parents] if not p.exists()]
            for directory in reversed(missing):
                directory.mkdir()
                created.append(directory)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            pending.append((tmp, path))
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            os.chmod(tmp, 0o666 & ~umask)
        for tmp, path in pending:
            current = path
            os.replace(tmp, path)
    except OSError as exc:
        for tmp, _ in pending:
            Path(tmp).unlink(missing_ok=True)
        for directory in reversed(created):
            with contextlib.suppress(OSError):
                directory.rmdir()
        failed = Path(exc.filename) if isinstance(exc.filename, str) else current
        if failed.name.startswith(f".{current.name}.") and failed.name.endswith(".tmp"):
            failed = current  # never name our temporary file: the user gave `current`
        if isinstance(exc, IsADirectoryError) and failed.is_dir():
            raise OutputError(f"{failed}: is a directory; give a file path for the report") from None
        reason = exc.strerror or type(exc).__name__
        raise OutputError(f"{failed}: cannot write the report here ({reason}); choose another path") from None


def write_atomic(path: Path, text: str) -> None:
    """Write one report file whole or not at all."""
    write_all([(path, text)])


SEVERITY_CHOICES = ("high", "medium", "low", "info")


def _parse_languages(value: str) -> tuple[str, ...]:
    languages = tuple(x.strip().lower() for x in value.split(",") if x.strip())
    if not languages:
        raise typer.BadParameter("name at least one language, e.g. en,de,zh")
    return languages


def _check_fail_on(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip().lower()  # HIGH and High are what users type
    if value not in SEVERITY_CHOICES:
        raise typer.BadParameter(f"must be one of {', '.join(SEVERITY_CHOICES)}")
    return value


def _check_format(value: str | None) -> str | None:
    if value is not None and value not in ("html", "json", "markdown"):
        raise typer.BadParameter("must be html, json or markdown")
    return value


PathsArg = Annotated[list[str], typer.Argument(help="Article files (.txt .md .html) and/or directories.")]
JsonOpt = Annotated[Path | None, typer.Option("--json", help="Write the JSON report here.")]
HtmlOpt = Annotated[Path | None, typer.Option("--html", help="Write the HTML report here.")]
MarkdownOpt = Annotated[Path | None, typer.Option("--markdown", help="Write a Markdown findings list here.")]
FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        help="Default output when no file is named: html (and json), json, or markdown.",
        callback=_check_format,
    ),
]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Do not read or write the embedding cache.")]
CacheDirOpt = Annotated[str | None, typer.Option("--cache-dir", help="Embedding cache directory.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors and the report paths.")]
ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model", help="Encoder: 'use' (default, offline) or 'st:NAME_OR_PATH' (sentence-transformers)."
    ),
]
LanguagesOpt = Annotated[str, typer.Option("--languages", help="Languages to expect, comma-separated.")]
FailOnOpt = Annotated[
    str | None,
    typer.Option(
        "--fail-on",
        help="Exit 1 when an unsuppressed finding has this severity or higher.",
        callback=_check_fail_on,
    ),
]


@app.command()
def compare(
    paths: PathsArg,
    json_out: JsonOpt = None,
    html_out: HtmlOpt = None,
    markdown_out: MarkdownOpt = None,
    output_format: FormatOpt = None,
    model: ModelOpt = None,
    languages: LanguagesOpt = "en,de,zh",
    reference: Annotated[
        str | None, typer.Option("--reference", help="The document that is the source of truth (id or path).")
    ] = None,
    suppressions: Annotated[
        str | None,
        typer.Option("--suppressions", help="Suppression file (default: suppressions.yaml by the manifest)."),
    ] = None,
    include_furniture: Annotated[
        bool,
        typer.Option("--include-furniture", help="Also compare captions, bylines and other page furniture."),
    ] = False,
    fail_on: FailOnOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Align the sentences of several versions of a story and report the facts that drifted."""

    def run() -> int:
        from .pipeline import CompareOptions, run_compare

        options = CompareOptions(
            encoder=model,
            languages=_parse_languages(languages),
            include_furniture=include_furniture,
            reference=reference,
            suppressions=suppressions,
            cache_dir=cache_dir,
            use_cache=not no_cache,
        )
        counters: dict[str, int] = {}
        report = _with_progress(
            lambda progress: run_compare(paths, options, progress, counters=counters), quiet
        )
        code = _emit(report, json_out, html_out, markdown_out, output_format, fail_on, quiet)
        if not quiet and counters:
            cached = counters["sentences_embedded"] - counters["sentences_encoded"]
            loaded = "model loaded" if counters["model_loaded"] else "model not loaded"
            typer.echo(
                f"encoded {counters['sentences_encoded']} new sentences ({cached} from cache; {loaded})"
            )
        return code

    code = guarded(run)
    raise typer.Exit(code)


def _with_progress(work: Callable[[Callable[[int, int], None] | None], T], quiet: bool) -> T:
    if quiet or not sys.stderr.isatty():
        return work(None)
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("encoding sentences", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return work(progress)


def _emit(
    report: Any,
    json_out: Path | None,
    html_out: Path | None,
    markdown_out: Path | None,
    output_format: str | None,
    fail_on: str | None,
    quiet: bool,
) -> int:
    """The outputs of compare/translation: those named, else the default ones under reports/."""
    if json_out is None and html_out is None and markdown_out is None:
        base = Path("reports") / report.name
        if output_format == "markdown":
            markdown_out = base.with_suffix(".md")
        elif output_format == "json":
            json_out = base.with_suffix(".json")
        else:
            html_out, json_out = base.with_suffix(".html"), base.with_suffix(".json")
    requested = [
        (kind, path)
        for kind, path in (("json", json_out), ("html", html_out), ("markdown", markdown_out))
        if path is not None
    ]
    return emit_outputs(report, requested, fail_on, quiet)


def _render(data: dict[str, Any], kind: str) -> str:
    if kind == "json":
        from .report_json import dumps

        return dumps(data)
    if kind == "html":
        from .report_html import render_html

        return render_html(data)
    if kind == "markdown":
        from .report_text import render_markdown

        return render_markdown(data)
    from .translation import findings_csv  # "csv", for `pairs`

    return findings_csv(data)


def emit_outputs(report: Any, requested: list[tuple[str, Path]], fail_on: str | None, quiet: bool) -> int:
    """Render every requested (kind, path), then write them all; print the summary; return the exit code.

    One path named twice for the same kind is written once; for two different kinds it is an error (one
    report would silently overwrite the other).
    """
    from .report_json import report_dict

    data = report_dict(report)
    outputs: list[tuple[Path, str]] = []
    kinds: dict[str, str] = {}
    for kind, path in requested:
        key = os.path.realpath(path)
        if key in kinds:
            if kinds[key] == kind:
                continue
            raise OutputError(
                f"{path}: named for both the {kinds[key]} and the {kind} report; give each its own path"
            )
        kinds[key] = kind
        outputs.append((path, _render(data, kind)))
    write_all(outputs)
    for skipped in data["skipped"]:
        _err(f"skipped {skipped['path']}: {skipped['reason']}")
    stale = getattr(report, "stale_suppressions", ())
    if stale:
        _err(f"note: {len(stale)} suppression(s) match no finding (stale?): {', '.join(stale)}")
    if not quiet:
        _print_summary(data)
    for path, _ in outputs:
        typer.echo(f"wrote {path}")
    return _exit_code(data, fail_on)


def _exit_code(data: dict[str, Any], fail_on: str | None) -> int:
    if fail_on is None:
        return 0
    rank = {name: n for n, name in enumerate(reversed(SEVERITY_CHOICES))}
    failing = [f for f in data["findings"] if not f["suppressed"] and rank[f["severity"]] >= rank[fail_on]]
    if failing:
        _err(f"{len(failing)} unsuppressed finding(s) at or above {fail_on}")
        return EXIT_FINDINGS
    return 0


def _print_summary(data: dict[str, Any]) -> None:
    from rich.console import Console

    console = Console(stderr=False, highlight=False)
    if not console.is_terminal and not os.environ.get("COLUMNS", "").strip().isdigit():
        # Piped or redirected, rich assumes 80 columns and breaks quoted evidence mid-word; a log file or a
        # ticket has room for a wider table.
        console.width = 140
    if data["findings"]:
        try:
            from .report_text import findings_table

            console.print(findings_table(data))
        except ImportError:  # the table renderer is optional for the summary
            pass
    summary = data["summary"]
    severities = ", ".join(f"{n} {s}" for s, n in summary["findings_by_severity"].items())
    console.print(
        f"{summary['documents']} documents, {summary['sentences']} sentences, "
        f"{summary['alignments']} aligned pairs in {len(data['groups'])} claim groups; findings: {severities}"
    )
    if summary["documents"] == 1:
        console.print(
            "one document: only its headline and summary lines were compared with its body; "
            "give two or more versions of the story to compare outlets"
        )


@app.command()
def check(
    catalogue_path: Annotated[
        str,
        typer.Argument(
            metavar="KNOWN_ERRORS", help="A known_errors.yaml file (e.g. corpus/known_errors.yaml)."
        ),
    ],
    model: ModelOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write the JSON report here.")] = None,
) -> None:
    """Re-run the comparison over a known-errors file's corpus; exit 1 if a known error is missed or a
    non-error is flagged."""

    def run() -> int:
        from .known_errors import evaluate, failures, load_catalogue
        from .pipeline import CompareOptions, run_compare

        catalogue = load_catalogue(catalogue_path)
        settings = catalogue.options
        options = CompareOptions(
            encoder=model or settings.get("model"),
            reference=settings.get("reference"),
            languages=_parse_languages(str(settings.get("languages", "en,de,zh"))),
            cache_dir=cache_dir,
            use_cache=not no_cache,
        )
        report = _with_progress(lambda progress: run_compare([catalogue.corpus], options, progress), False)
        if json_out is not None:
            from .report_json import dumps, report_dict

            write_atomic(json_out, dumps(report_dict(report)))
        outcomes = evaluate(catalogue, report)
        for outcome in outcomes:
            kind = "error" if outcome.entry.is_error else "non-error"
            status = "MISS" if not outcome.passed else "gap " if outcome.entry.known_gap else "ok  "
            typer.echo(f"{status} {kind:9s} {outcome.entry.id}: {outcome.detail}")
        missed = failures(outcomes)
        errors = sum(1 for o in outcomes if o.entry.is_error)
        typer.echo(
            f"{len(outcomes) - len(missed)}/{len(outcomes)} entries pass "
            f"({errors} known errors, {len(outcomes) - errors} known non-errors)"
        )
        if missed:
            _err(
                f"{len(missed)} entr{'y' if len(missed) == 1 else 'ies'} failed: "
                + ", ".join(o.entry.id for o in missed)
            )
            return EXIT_FINDINGS
        return 0

    raise typer.Exit(guarded(run))


def _register_translation_commands() -> None:
    """Register `translation` and `pairs` (their own module) so that `driftcheck --help` lists them."""
    from .cli_translation import register

    register(app)


_register_translation_commands()


def main() -> None:
    """Console-script entry point: usage errors, like every other error, are one line and exit 2."""
    try:  # typer >= 0.16 vendors click; older releases use the click package itself
        from typer._click import exceptions as click_exceptions
    except ImportError:  # pragma: no cover
        from click import exceptions as click_exceptions  # type: ignore[no-redef]

    try:
        code = app(standalone_mode=False)
    except click_exceptions.NoArgsIsHelpError as exc:
        typer.echo(exc.format_message())
        sys.exit(EXIT_INPUT)
    except click_exceptions.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx is not None else "driftcheck"
        _err(f"error: {exc.format_message()} (see: {command} --help)")
        sys.exit(EXIT_INPUT)
    except click_exceptions.ClickException as exc:
        _err(f"error: {exc.format_message()}")
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        _err("interrupted")
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
