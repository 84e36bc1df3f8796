"""`driftcheck compare` end to end with the real encoder: the JSON contract, determinism, and bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, run_cli, validate_report

SEED_TEXT = (REPO / "corpus").glob("*.txt")


def test_bundled_corpus_report_follows_the_schema(corpus_report: dict[str, Any]) -> None:
    validate_report(corpus_report)
    assert corpus_report["schema"] == "driftcheck.report/1"
    assert corpus_report["summary"]["documents"] == 5
    assert corpus_report["signature"]["encoder"]
    assert corpus_report["signature"]["dimension"] > 0
    assert corpus_report["skipped"] == []


def test_offsets_point_into_the_document_text(corpus_report: dict[str, Any]) -> None:
    texts = {d["id"]: d["text"] for d in corpus_report["documents"]}
    for s in corpus_report["sentences"]:
        assert texts[s["doc"]][s["start"] : s["end"]] == s["text"]
    for f in corpus_report["findings"]:
        for side in (f["a"], f["b"]):
            if side is not None:
                assert texts[side["doc"]][side["start"] : side["end"]] == side["evidence"]
                assert side["evidence"] in side["text"]


def test_lists_are_sorted_and_scores_rounded(corpus_report: dict[str, Any]) -> None:
    keys = [(s["doc"], s["index"]) for s in corpus_report["sentences"]]
    assert keys == sorted(keys)
    findings = [(f["a"]["doc"], f["a"]["index"]) for f in corpus_report["findings"]]
    assert findings == sorted(findings)
    pairs = [
        (x["a"]["doc"], x["a"]["index"], x["b"]["doc"], x["b"]["index"]) for x in corpus_report["alignments"]
    ]
    assert pairs == sorted(pairs)
    for x in corpus_report["alignments"]:
        assert round(x["score"], 4) == x["score"]


def test_groups_name_the_documents_that_do_not_tell_the_claim(corpus_report: dict[str, Any]) -> None:
    ids = {d["id"] for d in corpus_report["documents"]}
    assert corpus_report["groups"]
    for g in corpus_report["groups"]:
        told = {m["doc"] for m in g["members"]}
        assert set(g["missing"]) == ids - told


def test_a_hedge_marker_is_reported_once_against_each_other_document(corpus_report: dict[str, Any]) -> None:
    """heise's one "is said to" covers a claim The Decoder tells in two sentences (the cost and the GPU
    hours): it was reported twice against The Decoder."""
    marks = [
        (side["doc"], side["index"], side["start"], other["doc"])
        for f in corpus_report["findings"]
        if f["type"] in ("hedge", "negation") and f["b"] is not None
        for side, other in ((f["a"], f["b"]), (f["b"], f["a"]))
        if side["evidence"] != side["text"] and other["evidence"] == other["text"]
    ]
    assert [m for m in marks if m[0] == "heise" and m[3] == "decoder"], marks
    assert len(marks) == len(set(marks)), marks


def test_furniture_is_kept_but_not_aligned(corpus_report: dict[str, Any]) -> None:
    kinds = {(s["doc"], s["index"]): s["kind"] for s in corpus_report["sentences"]}
    furniture = {
        "caption",
        "credit",
        "byline",
        "boilerplate",
        "dateline",
        "teaser",
        "duplicate",
        "summary_label",
    }
    assert any(k in furniture for k in kinds.values()), "furniture lines stay in the document model"
    for x in corpus_report["alignments"]:
        assert kinds[(x["a"]["doc"], x["a"]["index"])] not in furniture
        assert kinds[(x["b"]["doc"], x["b"]["index"])] not in furniture


def test_json_is_byte_identical_cold_and_warm(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold, warm = tmp_path / "cold.json", tmp_path / "warm.json"
    first = run_cli("compare", "corpus", "--json", str(cold), cache=cache)
    second = run_cli("compare", "corpus", "--json", str(warm), cache=cache)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert cold.read_bytes() == warm.read_bytes()
    validate_report(json.loads(cold.read_text(encoding="utf-8")))
    # The warm run found every sentence in the cache and never loaded the model.
    assert "encoded 0 new sentences" in second.stdout
    assert "model not loaded" in second.stdout


def test_default_output_goes_to_reports_and_says_where(tmp_path: Path) -> None:
    workdir = tmp_path / "work"
    workdir.mkdir()
    result = run_cli("compare", str(REPO / "corpus"), cwd=workdir, cache=tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in (workdir / "reports").iterdir())
    assert any(name.endswith(".html") for name in written)
    assert any(name.endswith(".json") for name in written)
    assert "wrote reports/" in result.stdout
    for report in (workdir / "reports").glob("*.json"):
        validate_report(json.loads(report.read_text(encoding="utf-8")))


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


ARTICLE_EN = (
    "Meta plans to spend $65 billion\n\n"
    "Meta plans to spend between $60 and $65 billion on data centres in 2025, Mark Zuckerberg said.\n"
    "The company will bring about one gigawatt of computing power online this year.\n"
)
ARTICLE_DE = (
    "Meta will 65 Milliarden Dollar ausgeben\n\n"
    "Meta will 2025 zwischen 60 und 65 Milliarden Dollar in Rechenzentren investieren, "
    "sagte Mark Zuckerberg.\n"
    "Das Unternehmen will in diesem Jahr rund ein Gigawatt Rechenleistung in Betrieb nehmen.\n"
)


def assert_fatal(result: Any, name: str, out: Path) -> None:
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert name in lines[0]
    assert not out.exists(), "no partial report on a fatal error"


@pytest.mark.parametrize(
    "name,data",
    [
        ("empty.txt", b""),
        ("blank.txt", b"   \n\n  \n"),
        ("image.txt", bytes(range(256)) * 8),
    ],
)
def test_unusable_file_on_the_command_line_is_fatal(tmp_path: Path, name: str, data: bytes) -> None:
    bad = write(tmp_path / name, data)
    good = write(tmp_path / "good.txt", ARTICLE_EN)
    out = tmp_path / "out.json"
    result = run_cli("compare", str(good), str(bad), "--json", str(out), cache=tmp_path / "c")
    assert_fatal(result, name, out)


def test_missing_path_is_fatal(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = run_cli("compare", str(tmp_path / "nope.txt"), "--json", str(out), cache=tmp_path / "c")
    assert_fatal(result, "nope.txt", out)


def test_directory_with_nothing_usable_is_fatal(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    write(folder / "empty.txt", b"")
    write(folder / "picture.png", b"\x89PNG\r\n\x1a\n" + bytes(100))
    out = tmp_path / "out.json"
    result = run_cli("compare", str(folder), "--json", str(out), cache=tmp_path / "c")
    assert_fatal(result, "folder", out)


def test_unusable_file_inside_a_directory_is_skipped_and_reported(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    write(folder / "a.txt", ARTICLE_EN)
    write(folder / "b.txt", ARTICLE_DE)
    write(folder / "empty.txt", b"")
    out = tmp_path / "out.json"
    result = run_cli("compare", str(folder), "--json", str(out), cache=tmp_path / "c")
    assert result.returncode == 0, result.stderr
    assert "empty.txt" in result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    validate_report(data)
    assert [Path(s["path"]).name for s in data["skipped"]] == ["empty.txt"]
    assert data["summary"]["documents"] == 2


def test_latin1_and_gbk_files_are_decoded(tmp_path: Path) -> None:
    latin = write(
        tmp_path / "latin.txt",
        (
            "Größere Investitionen: Meta gibt rund 60 Milliarden Euro aus. "
            "Die Kosten für Rechenzentren steigen stark. " * 3
        ).encode("latin-1"),
    )
    gbk = write(
        tmp_path / "gbk.txt",
        ("Meta计划在2025年投资600亿至650亿美元。扎克伯格表示，这将是人工智能决定性的一年。" * 3).encode(
            "gbk"
        ),
    )
    out = tmp_path / "out.json"
    result = run_cli("compare", str(latin), str(gbk), "--json", str(out), cache=tmp_path / "c")
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    validate_report(data)
    texts = {Path(d["path"]).name: d["text"] for d in data["documents"]}
    assert "Größere" in texts["latin.txt"]
    assert "扎克伯格" in texts["gbk.txt"]


def test_the_same_article_twice_is_compared_once_and_named(tmp_path: Path) -> None:
    first = write(tmp_path / "one.txt", ARTICLE_EN)
    second = write(tmp_path / "copy.txt", ARTICLE_EN)
    out = tmp_path / "out.json"
    result = run_cli("compare", str(first), str(second), "--json", str(out), cache=tmp_path / "c")
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    validate_report(data)
    assert data["summary"]["documents"] == 1
    assert "copy.txt" in result.stderr and "duplicate" in result.stderr
    assert any("duplicate" in s["reason"] for s in data["skipped"])


def test_a_single_document_is_compared_with_itself(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = run_cli(
        "compare",
        str(REPO / "corpus" / "the-decoder-deepseek-meta.txt"),
        "--json",
        str(out),
        cache=tmp_path / "c",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    validate_report(data)
    assert data["summary"]["documents"] == 1
    assert data["alignments"], "headline and summary bullets align with the body"
    assert all(x["a"]["doc"] == x["b"]["doc"] for x in data["alignments"])
    assert "one document" in " ".join(result.stdout.split())  # the editor is told what was (not) compared


def test_fail_on_exits_1_only_for_unsuppressed_findings(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", ARTICLE_EN)
    b = write(
        tmp_path / "b.txt",
        ARTICLE_EN.replace("$65 billion", "$75 billion").replace("$60 and $65", "$60 and $75"),
    )
    out = tmp_path / "out.json"
    result = run_cli("compare", str(a), str(b), "--json", str(out), "--fail-on", "high", cache=tmp_path / "c")
    assert result.returncode == 1, result.stdout + result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    validate_report(data)
    high = [f for f in data["findings"] if f["severity"] == "high"]
    assert high
    suppressions = write(
        tmp_path / "suppressions.yaml",
        "suppressions:\n"
        + "".join(
            f"  - id: {f['id']}\n    reason: checked\n    reviewer: test\n    date: 2025-02-01\n"
            for f in high
        ),
    )
    again = run_cli(
        "compare",
        str(a),
        str(b),
        "--json",
        str(out),
        "--fail-on",
        "high",
        "--suppressions",
        str(suppressions),
        cache=tmp_path / "c",
    )
    assert again.returncode == 0, again.stdout + again.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    validate_report(data)
    assert all(f["suppressed"] for f in data["findings"] if f["severity"] == "high")


@pytest.mark.slow
def test_a_10_mb_text_file_is_processed(tmp_path: Path) -> None:
    paragraph = " ".join(
        f"Sentence number {n} says that Meta spent {n} million dollars on item {n % 97}." for n in range(400)
    )
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as handle:
        handle.write("A very long article\n\n")
        while handle.tell() < 10 * 1024 * 1024:
            handle.write(paragraph + "\n\n")
    out = tmp_path / "out.json"
    result = run_cli("compare", str(big), "--json", str(out), "--quiet", cache=tmp_path / "c", timeout=900)
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    validate_report(data)
    assert data["summary"]["documents"] == 1
    assert data["summary"]["sentences"] > 50_000


def test_a_failed_output_leaves_no_file_or_directory_behind(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", ARTICLE_EN)
    new_dir = tmp_path / "new" / "dir"
    result = run_cli(
        "compare", str(a), "--json", str(new_dir / "r.json"), "--html", "/proc/x.html", cache=tmp_path / "c"
    )
    assert result.returncode == 2, result.stderr
    assert len([line for line in result.stderr.splitlines() if line.strip()]) == 1
    assert not (tmp_path / "new").exists()


def test_reports_are_readable_by_others(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", ARTICLE_EN)
    out = tmp_path / "r.json"
    result = run_cli("compare", str(a), "--json", str(out), cache=tmp_path / "c", env={})
    assert result.returncode == 0, result.stderr
    assert out.stat().st_mode & 0o044 == 0o044  # group and others may read (umask 022 here)


def test_reference_may_be_given_as_any_path_to_the_file(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", ARTICLE_EN)
    b = write(tmp_path / "b.txt", ARTICLE_DE)
    out = tmp_path / "r.json"
    result = run_cli(
        "compare",
        str(a),
        str(b),
        "--reference",
        f"{tmp_path}/./b.txt",
        "--json",
        str(out),
        cache=tmp_path / "c",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["reference"] == "b"


def test_a_file_of_only_page_furniture_is_refused_when_named(tmp_path: Path) -> None:
    furniture = write(tmp_path / "furniture.txt", "5 min. read\nlisten Print view\nVideos by heise\n")
    out = tmp_path / "r.json"
    result = run_cli("compare", str(furniture), "--json", str(out), cache=tmp_path / "c")
    assert_fatal(result, "furniture.txt", out)
    assert "--include-furniture" in result.stderr


def test_a_stale_suppression_is_pointed_out(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", ARTICLE_EN)
    suppressions = write(tmp_path / "s.yaml", "suppressions:\n  - {id: 0123456789abcdef, reason: old}\n")
    result = run_cli(
        "compare",
        str(a),
        "--json",
        str(tmp_path / "r.json"),
        "--suppressions",
        str(suppressions),
        cache=tmp_path / "c",
    )
    assert result.returncode == 0, result.stderr
    assert "0123456789abcdef" in result.stderr and "match no finding" in result.stderr


@pytest.mark.parametrize(
    "args", [["compare", "corpus", "--fail-on", "critical"], ["nosuch"], ["compare", "corpus", "--nope"]]
)
def test_usage_errors_are_one_line(args: list[str]) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("driftcheck: error:"), result.stderr


def test_the_findings_table_is_wide_when_piped(tmp_path: Path) -> None:
    # Piped to a file or a ticket, rich assumed 80 columns and broke quoted evidence mid-word; a COLUMNS the
    # user sets still wins.
    def widest(columns: str) -> int:
        result = run_cli(
            "compare",
            str(REPO / "corpus"),
            "--json",
            str(tmp_path / "r.json"),
            cache=tmp_path / "c",
            env={"COLUMNS": columns},
        )
        assert result.returncode == 0, result.stderr
        return max(len(line) for line in result.stdout.splitlines() if line.startswith(("┃", "│")))

    assert widest("") > 100
    assert widest("90") <= 90
