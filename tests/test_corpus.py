"""The corpus loader: bundled corpus, manifests, HTML, encodings and every kind of bad input."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from driftcheck.corpus import corpus_name, decode_bytes, inputs_sha256, load_corpus
from driftcheck.errors import ConfigError, InputError
from driftcheck.models import Corpus

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
# CI clones the repo with shared/ beside it; the seeds are the source of the bundled texts.
SEEDS = ROOT.parent / "shared" / "seeds"

BODY = "Meta will spend $65 billion on AI this year, the company said on Friday in a long post.\n"
ARTICLE = f"Meta plans a big spend\n\n{BODY}\nIt will also build a data centre the size of Manhattan.\n"


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def one_line(exc: pytest.ExceptionInfo[BaseException]) -> str:
    message = str(exc.value)
    assert "\n" not in message
    return message


# --- the bundled corpus ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> Corpus:
    return load_corpus([str(CORPUS)])


def test_bundled_corpus_has_five_documents_in_manifest_order(bundled: Corpus) -> None:
    assert [d.id for d in bundled.documents] == ["decoder", "summary", "wakeup", "heise", "tmtpost"]
    assert bundled.skipped == ()
    assert bundled.root == str(CORPUS)
    assert corpus_name(bundled) == "deepseek-meta-2025"


def test_bundled_metadata(bundled: Corpus) -> None:
    docs = {d.id: d for d in bundled.documents}
    assert docs["decoder"].outlet == "THE DECODER"
    assert docs["decoder"].published == "2025-01-25"
    assert (
        docs["decoder"].title
        == "Deepseek puts pressure on Meta with open source AI models at a fraction of the cost"
    )
    assert docs["heise"].original_language == "de"
    assert docs["heise"].note is not None and "originally published in German" in docs["heise"].note
    assert docs["tmtpost"].outlet == "TMTPost"
    assert docs["tmtpost"].published == "2025-01-28T10:57"
    assert (
        docs["tmtpost"].note is not None
        and "360影视" in docs["tmtpost"].note
        and "钛媒体" in docs["tmtpost"].note
    )
    for unknown in ("summary", "wakeup"):
        assert docs[unknown].outlet is None and docs[unknown].published is None
    assert docs["summary"].title is None  # no headline in the text
    for doc in docs.values():
        assert doc.url is None
        assert doc.language == "en"
        assert doc.path == os.path.join(str(CORPUS), Path(doc.path).name)


def test_bundled_texts_are_the_seeds_byte_for_byte(bundled: Corpus) -> None:
    for doc in bundled.documents:
        assert Path(doc.path).read_bytes() == doc.text.encode("utf-8")
    if not SEEDS.is_dir():
        pytest.skip("shared/seeds not beside the repository")
    seeds = sorted(p.read_bytes() for p in SEEDS.glob("*.txt"))
    assert sorted(Path(d.path).read_bytes() for d in bundled.documents) == seeds


def test_manifest_file_given_directly_means_its_directory(bundled: Corpus) -> None:
    corpus = load_corpus([CORPUS / "manifest.yaml"])
    assert [d.id for d in corpus.documents] == [d.id for d in bundled.documents]


def test_inputs_sha256_is_deterministic_and_sensitive(bundled: Corpus, tmp_path: Path) -> None:
    again = load_corpus([str(CORPUS)])
    assert inputs_sha256(again) == inputs_sha256(bundled)
    assert len(inputs_sha256(bundled)) == 64
    write(tmp_path / "a.txt", ARTICLE)
    first = inputs_sha256(load_corpus([tmp_path / "a.txt"]))
    write(tmp_path / "a.txt", ARTICLE.replace("$65", "$60"))
    assert inputs_sha256(load_corpus([tmp_path / "a.txt"])) != first
    renamed = write(tmp_path / "b.txt", ARTICLE)
    write(tmp_path / "a.txt", ARTICLE)
    assert inputs_sha256(load_corpus([renamed])) != first  # same text, other id


# --- inferred metadata, order, ids -------------------------------------------------------------------------


def test_directory_without_manifest_sorted_with_inferred_metadata(tmp_path: Path) -> None:
    write(tmp_path / "b story.md", "# Second story here\n\n" + BODY)
    write(tmp_path / "a.txt", ARTICLE)
    corpus = load_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["a", "b-story"]
    first = corpus.documents[0]
    assert first.title == "Meta plans a big spend"
    assert corpus.documents[1].title == "Second story here"
    assert first.language is None and first.outlet is None and first.published is None
    assert first.path == os.path.join(str(tmp_path), "a.txt")
    assert corpus.root is None
    assert corpus_name(corpus) == tmp_path.name.lower()


def test_ids_are_unique_slugs(tmp_path: Path) -> None:
    write(tmp_path / "x" / "Same Name.txt", ARTICLE)
    write(tmp_path / "y" / "same-name.txt", ARTICLE.replace("big", "huge"))
    corpus = load_corpus([tmp_path / "x" / "Same Name.txt", tmp_path / "y" / "same-name.txt"])
    assert [d.id for d in corpus.documents] == ["same-name", "same-name-2"]
    assert corpus_name(corpus) == "same-name"  # first file's stem: the files share no directory


def test_path_is_kept_as_given_and_crlf_becomes_lf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "win.txt", ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    doc = load_corpus(["win.txt"]).documents[0]
    assert doc.path == "win.txt"
    assert doc.text == ARTICLE
    assert all(doc.text[x.start : x.end] == x.text for x in doc.lines)


def test_duplicate_article_loaded_once(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", ARTICLE.replace("\n", "\r\n").replace("Meta plans", "Meta  plans"))
    corpus = load_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["a"]
    assert [(Path(s.path).name, s.reason) for s in corpus.skipped] == [("b.txt", "duplicate of a")]


def test_same_file_twice_on_command_line_is_a_duplicate(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", ARTICLE)
    corpus = load_corpus([path, path])
    assert len(corpus.documents) == 1
    assert corpus.skipped[0].reason == "duplicate of a"


# --- bad input ---------------------------------------------------------------------------------------------

BAD_FILES: list[tuple[str, bytes, str]] = [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"  \n\t\r\n  \n", "only whitespace"),
    ("nul.txt", b"Meta\x00\x01\x02 plans\x00", "NUL bytes"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image"),
    ("controls.txt", bytes(range(1, 9)) * 50, "control characters"),
    ("short-latin1.txt", "Größe".encode("latin-1"), "encoding cannot be told"),
    ("bad-bom.txt", b"\xef\xbb\xbfok \xff\xfe broken", "byte-order mark"),
    ("notes.pdf", b"%PDF-1.4 whatever", "unsupported file type"),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_FILES)
def test_unusable_file_on_command_line_is_fatal(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = write(tmp_path / name, data)
    with pytest.raises(InputError) as exc:
        load_corpus([path])
    message = one_line(exc)
    assert str(path) in message and reason in message


@pytest.mark.parametrize(("name", "data", "reason"), BAD_FILES)
def test_unusable_file_in_directory_is_skipped(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    write(tmp_path / "good.txt", ARTICLE)
    bad = write(tmp_path / name, data)
    corpus = load_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["good"]
    assert len(corpus.skipped) == 1
    assert corpus.skipped[0].path == str(bad) and reason in corpus.skipped[0].reason


def test_missing_path_is_fatal(tmp_path: Path) -> None:
    with pytest.raises(InputError) as exc:
        load_corpus([tmp_path / "nope.txt"])
    assert "nope.txt" in one_line(exc) and "no such file" in one_line(exc)


def test_no_input_is_fatal() -> None:
    with pytest.raises(InputError):
        load_corpus([])


def test_directory_with_nothing_usable_is_fatal(tmp_path: Path) -> None:
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "image.jpg", b"\xff\xd8\xff\xe0")
    (tmp_path / "sub").mkdir()
    with pytest.raises(InputError) as exc:
        load_corpus([tmp_path])
    assert str(tmp_path) in one_line(exc) and "no usable article" in one_line(exc)
    (tmp_path / "empty.txt").unlink()
    (tmp_path / "image.jpg").unlink()
    with pytest.raises(InputError):
        load_corpus([tmp_path])  # only a subdirectory


def test_subdirectory_and_hidden_files(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "sub" / "b.txt", ARTICLE + "More.\n")
    write(tmp_path / ".DS_Store", b"\x00\x00\x00\x01Bud1")
    corpus = load_corpus([tmp_path])
    assert [Path(s.path).name for s in corpus.skipped] == ["sub"]
    assert "subdirectory" in corpus.skipped[0].reason


# --- encodings ---------------------------------------------------------------------------------------------

GERMAN = (
    "Meta erhöht die Ausgaben für Rechenzentren\n\n"
    "Die Größe des geplanten Rechenzentrums übertrifft alles, was Meta bisher gebaut hat, sagte Zuckerberg.\n"
    "Müller äußerte Zweifel an den Plänen und verwies auf die Kosten.\n"
)
CHINESE = (
    "Meta今年计划投入600亿美元资本支出\n\n"
    "尽管DeepSeek发布了高性价比的模型，Meta仍计划在2025年投入600亿至650亿美元。\n来源：钛媒体\n"
)


def test_latin1_file_decodes(tmp_path: Path) -> None:
    doc = load_corpus([write(tmp_path / "de.txt", GERMAN.encode("latin-1"))]).documents[0]
    assert doc.text == GERMAN
    assert doc.title == "Meta erhöht die Ausgaben für Rechenzentren"


def test_windows_1252_smart_quotes_decode(tmp_path: Path) -> None:
    text = "A headline\n\nHe called it “excellent” – and meant it, said Müller.\n"
    assert load_corpus([write(tmp_path / "q.txt", text.encode("cp1252"))]).documents[0].text == text


def test_gbk_file_decodes(tmp_path: Path) -> None:
    doc = load_corpus([write(tmp_path / "zh.txt", CHINESE.encode("gbk"))]).documents[0]
    assert doc.text == CHINESE
    assert any(x.text == "来源：钛媒体" and x.kind == "boilerplate" for x in doc.lines)


def test_gbk_and_latin1_are_not_confused() -> None:
    assert decode_bytes(CHINESE.encode("gbk")) == (CHINESE, "gb18030")
    assert decode_bytes(GERMAN.encode("latin-1")) == (GERMAN, "cp1252")
    assert decode_bytes("来源：钛媒体".encode("gbk"))[0] == "来源：钛媒体"


def test_undecidable_bytes_are_refused() -> None:
    with pytest.raises(InputError, match="re-save it as UTF-8"):
        decode_bytes(bytes(range(0x80, 0x100)) * 4)


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_byte_order_marks(tmp_path: Path, codec: str) -> None:
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(codec, b"")
    doc = load_corpus([write(tmp_path / "bom.txt", bom + ARTICLE.encode(codec))]).documents[0]
    assert doc.text == ARTICLE  # BOM gone, nothing else changed


def test_utf16_without_bom_is_refused_with_a_hint(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="UTF-16 without a byte-order mark"):
        load_corpus([write(tmp_path / "u16.txt", ARTICLE.encode("utf-16-le"))])


def test_ten_megabyte_file_loads(tmp_path: Path) -> None:
    para = (CORPUS / "heise-deepseek-silicon-valley.txt").read_text(encoding="utf-8")
    chunks, size, n = [], 0, 0
    while size < 10_000_000:
        chunk = para.replace("Deepseek", f"Deepseek{n}") + "\n"
        chunks.append(chunk)
        size, n = size + len(chunk.encode("utf-8")), n + 1
    path = write(tmp_path / "big.txt", "".join(chunks))
    started = time.perf_counter()
    doc = load_corpus([path]).documents[0]
    assert time.perf_counter() - started < 30
    assert len(doc.text.encode("utf-8")) >= 10_000_000
    assert doc.lines[-1].end == len(doc.text.rstrip())
    assert sum(x.kind == "body" for x in doc.lines) > 10_000


# --- manifests ---------------------------------------------------------------------------------------------


def manifest_dir(tmp_path: Path, manifest: str, files: dict[str, str] | None = None) -> Path:
    for name, text in (files or {"a.txt": ARTICLE, "b.txt": ARTICLE.replace("big", "huge")}).items():
        write(tmp_path / name, text)
    write(tmp_path / "manifest.yaml", manifest)
    return tmp_path


def test_manifest_order_metadata_and_unlisted_file(tmp_path: Path) -> None:
    root = manifest_dir(
        tmp_path,
        "name: test-run\ndocuments:\n"
        "  - {id: second, file: b.txt, outlet: Example, published: 2025-01-26, language: de}\n"
        "  - {file: a.txt, title: null}\n",
        {"a.txt": ARTICLE, "b.txt": ARTICLE.replace("big", "huge"), "c.txt": ARTICLE.replace("big", "odd")},
    )
    corpus = load_corpus([root])
    assert [d.id for d in corpus.documents] == ["second", "a"]
    second, first = corpus.documents
    assert (second.outlet, second.published, second.language) == ("Example", "2025-01-26", "de")
    assert second.title == "Meta plans a huge spend"  # key left out: inferred
    assert first.title is None  # explicit null: unknown, not inferred
    assert [(Path(s.path).name, s.reason.split(";")[0]) for s in corpus.skipped] == [
        ("c.txt", "not listed in manifest.yaml")
    ]
    assert corpus_name(corpus) == "test-run"


def test_manifest_furniture_and_kinds(tmp_path: Path) -> None:
    text = "Headline of it\n\nPartner content\n\n" + BODY + "Odd trailing line here.\n"
    root = manifest_dir(
        tmp_path,
        "documents:\n  - file: a.txt\n    furniture: ['Partner content']\n    kinds: {6: caption}\n",
        {"a.txt": text},
    )
    doc = load_corpus([root]).documents[0]
    kinds = {x.text: x.kind for x in doc.lines}
    assert kinds["Partner content"] == "boilerplate"
    assert kinds["Odd trailing line here."] == "caption"
    assert corpus_name(load_corpus([root])) == root.name.lower()  # no name in the manifest


def test_manifest_yml_is_accepted_and_both_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "manifest.yml", "documents: [{file: a.txt, id: only}]\n")
    assert [d.id for d in load_corpus([tmp_path]).documents] == ["only"]
    write(tmp_path / "manifest.yaml", "documents: [{file: a.txt}]\n")
    with pytest.raises(ConfigError, match="keep only one"):
        load_corpus([tmp_path])


BAD_MANIFESTS = [
    ("documents: [file: a.txt\n", "not valid YAML"),
    ("- a.txt\n", "must be a mapping"),
    ("name: x\n", "'documents' must be a non-empty list"),
    ("documents: [{file: a.txt}]\nextra: 1\n", "unknown top-level key 'extra'"),
    ("name: 'bad name/with slash'\ndocuments: [{file: a.txt}]\n", "'name' must be"),
    ("documents: [{file: a.txt, publised: 2025-01-01}]\n", "unknown key 'publised'"),
    ("documents: [{id: a}]\n", "needs 'file'"),
    ("documents: [{file: a.txt, published: yesterday}]\n", "must be ISO 8601"),
    ("documents: [{file: a.txt, language: English}]\n", "language code"),
    ("documents: [{file: a.txt, outlet: [x]}]\n", "must be a string or null"),
    ("documents: [{file: a.txt, id: 'a b'}]\n", "'id' must be"),
    ("documents: [{file: a.txt, id: x}, {file: b.txt, id: x}]\n", "reuses id 'x'"),
    ("documents: [{file: a.txt}, {file: a.txt}]\n", "a second time"),
    ("documents: [{file: a.txt, furniture: ['(unclosed']}]\n", "not a valid regex"),
    ("documents: [{file: a.txt, furniture: [{pattern: x, kind: body}]}]\n", "furniture kind 'body'"),
    ("documents: [{file: a.txt, furniture: 'x'}]\n", "must be a list"),
    ("documents: [{file: a.txt, kinds: {3: footer}}]\n", "kind 'footer'"),
    ("documents: [{file: a.txt, kinds: {zero: body}}]\n", "1-based line number"),
    ("documents: [{file: a.txt, kinds: {2: body}}]\n", "line 2, which is blank"),
]


@pytest.mark.parametrize(("manifest", "problem"), BAD_MANIFESTS)
def test_malformed_manifest_is_a_config_error(tmp_path: Path, manifest: str, problem: str) -> None:
    manifest_dir(tmp_path, manifest)
    with pytest.raises(ConfigError) as exc:
        load_corpus([tmp_path])
    message = one_line(exc)
    assert str(tmp_path / "manifest.yaml") in message and problem in message


def test_manifest_naming_missing_file_is_an_input_error(tmp_path: Path) -> None:
    manifest_dir(tmp_path, "documents: [{file: a.txt}, {file: gone.txt}]\n")
    with pytest.raises(InputError) as exc:
        load_corpus([tmp_path])
    assert "gone.txt" in one_line(exc) and "manifest.yaml" in one_line(exc)


def test_unusable_file_named_by_manifest_is_fatal(tmp_path: Path) -> None:
    manifest_dir(tmp_path, "documents: [{file: a.txt}, {file: b.txt}]\n", {"a.txt": ARTICLE, "b.txt": ""})
    with pytest.raises(InputError, match=r"b\.txt: is empty"):
        load_corpus([tmp_path])


def test_manifest_id_clash_across_inputs(tmp_path: Path) -> None:
    manifest_dir(tmp_path / "one", "documents: [{file: a.txt, id: same}]\n", {"a.txt": ARTICLE})
    manifest_dir(tmp_path / "two", "documents: [{file: a.txt, id: same}]\n", {"a.txt": ARTICLE + "More.\n"})
    with pytest.raises(ConfigError, match="already used"):
        load_corpus([tmp_path / "one", tmp_path / "two"])


# --- HTML via trafilatura ----------------------------------------------------------------------------------

HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Meta plans big spend | Example News</title>
<meta property="og:title" content="Meta plans big spend">
<meta name="author" content="Jane Doe">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-01-26T09:30:00Z">
<link rel="canonical" href="https://example.com/meta-spend">
</head><body><nav>Home | World | Tech</nav>
<article><h1>Meta plans big spend</h1><p class="byline">By Jane Doe</p>
<p>Meta will invest $60 billion to $65 billion in 2025, Mark Zuckerberg said on Friday in a post.</p>
<h2>Data centre</h2>
<p>The company is building a data centre of more than two gigawatts that would cover much of Manhattan.</p>
<p>Meta expects to end the year with more than 1.3 million GPUs, the post said. Analysts expected less.</p>
</article><footer>Copyright 2025 Example News. All rights reserved.</footer></body></html>
"""


def test_html_page_is_extracted_with_metadata(tmp_path: Path) -> None:
    doc = load_corpus([write(tmp_path / "page.html", HTML)]).documents[0]
    assert doc.id == "page"
    assert doc.title == "Meta plans big spend"
    assert doc.published == "2025-01-26"
    assert doc.url == "https://example.com/meta-spend"
    assert doc.outlet == "Example News"
    kinds = {x.text: x.kind for x in doc.lines}
    assert kinds["Meta plans big spend"] == "headline"
    assert kinds["Data centre"] == "subheading"
    assert any(k == "body" and "1.3 million GPUs" in t for t, k in kinds.items())
    assert not any("Home | World" in t or "All rights reserved" in t for t in kinds)  # page chrome dropped
    assert not any(
        k in ("headline", "subheading", "body", "bullet") and "Jane Doe" in t for t, k in kinds.items()
    )


def test_html_declared_legacy_charset(tmp_path: Path) -> None:
    page = HTML.replace('charset="utf-8"', 'charset="iso-8859-1"').replace("Data centre", "Größe")
    doc = load_corpus([write(tmp_path / "page.htm", page.encode("latin-1"))]).documents[0]
    assert any(x.text == "Größe" for x in doc.lines)


def test_html_without_article_text(tmp_path: Path) -> None:
    path = write(
        tmp_path / "blank.html",
        "<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>",
    )
    with pytest.raises(InputError, match="no article text"):
        load_corpus([path])


def test_a_fifo_is_refused_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError) as caught:
        load_corpus([fifo])
    assert "pipe.txt" in str(caught.value) and "regular file" in str(caught.value)
    (tmp_path / "a.txt").write_text("Meta spends big\n\nMeta plans to spend $65 billion.\n", encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert [s.reason for s in corpus.skipped if s.path.endswith("pipe.txt")]
