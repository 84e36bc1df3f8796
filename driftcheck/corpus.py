"""Load the articles to compare: files and directories, with an optional manifest, into a Corpus.

Inputs
  * Files ending in .txt or .md are read as text; .html/.htm go through trafilatura (main text + title, date,
    url, site name, author), so an editor can drop saved web pages in.
  * A directory is read non-recursively. If it holds `manifest.yaml` (or `manifest.yml`; both at once is an
    error) the manifest decides which files are articles, their ids, metadata and order. A file in the
    directory that the manifest does not name is NOT loaded: it is reported in Corpus.skipped with the reason,
    because the manifest is the editor's explicit list and a directory often holds notes or drafts.
    Without a manifest every supported file is loaded, in sorted order, with inferred metadata.
    Hidden files (".name") and the manifest itself are ignored.
  * A manifest path given directly (".../manifest.yaml") means its directory.

Bad input
  A path the user named (command line, or a file the manifest names) that cannot be used raises InputError;
  an unusable file found by listing a directory is skipped with its reason and the run goes on. A text whose
  normalised content equals an already loaded one is skipped as "duplicate of <id>".

Manifest (YAML)
    name: deepseek-meta-2025          # corpus name; reports are written as reports/<name>.html
    documents:
      - id: heise                     # optional, default: slug of the file name
        file: heise-deepseek-silicon-valley.txt
        outlet: heise                 # outlet, title, published, url, language, original_language, note:
        title: ...                    #   string or null; null = unknown. A key left out is inferred
        published: "2025-01-25"       #   (title from the first headline line, HTML metadata).
        language: en
        furniture:                    # optional: lines no generic rule can know, re.match()ed on the
          - "Videos by"               #   stripped line; a plain string means kind boilerplate
          - {pattern: "AI in practice$", kind: teaser}
        kinds: {12: caption}          # optional: 1-based line number -> kind, the last word on a line
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from driftcheck.errors import ConfigError, InputError
from driftcheck.furniture import FurnitureRule, classify_lines, physical_lines
from driftcheck.models import FURNITURE_KINDS, LINE_KINDS, Corpus, Document, Skipped

__all__ = [
    "MANIFEST_NAMES",
    "SUPPORTED_EXTENSIONS",
    "corpus_name",
    "decode_bytes",
    "inputs_sha256",
    "load_corpus",
]

TEXT_EXTENSIONS = frozenset({".txt", ".md"})
HTML_EXTENSIONS = frozenset({".html", ".htm"})
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS
MANIFEST_NAMES = ("manifest.yaml", "manifest.yml")
# Far above any article (the seeds are ~5 KB); refuse rather than load a mis-aimed log dump into memory.
MAX_BYTES = 64 * 1024 * 1024

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8"),
    # UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one.
    (b"\xff\xfe\x00\x00", "utf-32", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32", "UTF-32"),
    (b"\xff\xfe", "utf-16", "UTF-16"),
    (b"\xfe\xff", "utf-16", "UTF-16"),
)
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a ZIP/Office archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x7fELF", "a program"),
    (b"RIFF", "a RIFF media file"),
)
_DOC_KEYS = (
    "id",
    "file",
    "outlet",
    "title",
    "published",
    "url",
    "language",
    "original_language",
    "note",
    "furniture",
    "kinds",
)
_META_KEYS = ("outlet", "title", "published", "url", "language", "original_language", "note")
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_LANG_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
# Legacy-encoding guesses: share of non-ASCII chars that must look right; how clustered Latin accents may be.
_GB_MIN_SHARE = 0.95
_LATIN_MAX_CLUSTERED = 0.6


class _Unusable(Exception):
    """A file cannot be used; str() says why and what to do (becomes InputError or Skipped)."""


@dataclass(frozen=True)
class _Entry:
    """One manifest document entry, validated."""

    file: str
    id: str | None
    meta: dict[str, str | None]  # only the keys the manifest gives
    rules: tuple[FurnitureRule, ...] = ()
    kinds: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Manifest:
    path: str
    name: str | None
    entries: tuple[_Entry, ...]


@dataclass
class _Extracted:
    text: str
    meta: dict[str, str | None]
    authors: tuple[str, ...] = ()


@dataclass
class _Acc:
    documents: list[Document] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    by_content: dict[str, str] = field(default_factory=dict)
    root: str | None = None


# --- decoding -------------------------------------------------------------------------------------------


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a text file's bytes to (text, encoding); raise InputError when the encoding cannot be told."""
    try:
        return _decode(data)
    except _Unusable as exc:
        raise InputError(f"input {exc}") from None


def _decode(data: bytes) -> tuple[str, str]:
    for mark, codec, name in _BOMS:
        if data.startswith(mark):
            try:
                return data.decode(codec), name
            except UnicodeDecodeError:
                raise _Unusable(
                    f"starts with a {name} byte-order mark but is not valid {name}; re-save it as UTF-8"
                ) from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise _Unusable(f"is {what}, not text; pass a .txt, .md or .html article")
    if b"\x00" in data:
        raise _Unusable(
            "contains NUL bytes: it is binary (or UTF-16 without a byte-order mark); "
            "pass a plain-text article saved as UTF-8"
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    gbk, latin = _plausible_gbk(data), _plausible_latin(data)
    if gbk is not None and latin is None:
        return gbk, "gb18030"
    if latin is not None and gbk is None:
        return latin, "cp1252"
    if gbk is None and latin is None:
        # Some other legacy encoding (Cyrillic, Shift-JIS, ...): accept only a confident detector answer.
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None and best.chaos <= 0.05 and best.coherence >= 0.3:
            return str(best), best.encoding
    either = " (it could be GBK or Latin-1)" if gbk is not None else ""
    raise _Unusable(f"is not UTF-8 and its encoding cannot be told reliably{either}; re-save it as UTF-8")


def _plausible_gbk(data: bytes) -> str | None:
    """The text if `data` reads as GBK/GB18030 Chinese: nearly every non-ASCII char a common GB2312 char."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    wide = [ch for ch in text if ord(ch) > 127]
    # Latin-1 bytes often decode as GBK too, but then pair an accent with an ASCII byte, which yields rare
    # characters outside GB2312; real Chinese text is almost all GB2312.
    common = 0
    for ch in wide:
        try:
            ch.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return text if wide and common >= 2 and common / len(wide) >= _GB_MIN_SHARE else None


def _plausible_latin(data: bytes) -> str | None:
    """The text if `data` reads as Latin-1/Windows-1252: accented letters, mostly alone between ASCII."""
    # Files labelled Latin-1 are in practice Windows-1252 (as browsers treat them): smart quotes in 0x80-0x9F.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    positions = [i for i, ch in enumerate(text) if ord(ch) > 127]
    if not positions:
        return None
    for i in positions:
        cat = unicodedata.category(text[i])
        if cat == "Cc" or (cat[0] == "L" and not unicodedata.name(text[i], "").startswith("LATIN")):
            return None
    # GBK bytes always come in pairs, so misread GBK has every high char next to another one.
    wide = set(positions)
    clustered = sum(1 for i in positions if i - 1 in wide or i + 1 in wide)
    return text if clustered / len(positions) <= _LATIN_MAX_CLUSTERED else None


# --- reading one file -----------------------------------------------------------------------------------


def _read_bytes(path: str) -> bytes:
    try:
        # A FIFO, socket or device would block or stream forever: only regular files are articles.
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise _Unusable("is not a regular file (a pipe, socket or device); save the article to a file")
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise _Unusable(
                f"is {size // (1024 * 1024)} MB, over the {MAX_BYTES // (1024 * 1024)} MB limit "
                "for one article; split it or pass the article alone"
            )
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise _Unusable(f"cannot be read ({exc.strerror}); check its permissions") from None


def _extract(path: str) -> _Extracted:
    """Read, decode and (for HTML) extract one file; raise _Unusable with the reason."""
    ext = os.path.splitext(path)[1].lower()
    if ext not in SUPPORTED_EXTENSIONS:
        shown = ext or "no extension"
        raise _Unusable(f"has an unsupported file type ({shown}); save the article as .txt, .md or .html")
    data = _read_bytes(path)
    if not data:
        raise _Unusable("is empty; put the article text in it or leave it out")
    if ext in HTML_EXTENSIONS:
        return _extract_html(data)
    text, _ = _decode(data)
    text = text.replace("\r\n", "\n")
    if not text.strip():
        raise _Unusable("contains only whitespace; put the article text in it or leave it out")
    _refuse_control_chars(text)
    return _Extracted(text=text, meta={})


# Unicode category Cc (C0, DEL, C1) but for the whitespace controls \t \n \v \f \r; one regex over the text
# rather than a category lookup per character (0.06 s on the 5,000-sentence throughput corpus).
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _refuse_control_chars(text: str) -> None:
    # Text decoded from a binary without NUL bytes is full of control characters; real articles have none.
    sample = text[:200_000]
    controls = len(_CONTROL_CHARS.findall(sample))
    if controls > max(2, len(sample) // 200):
        raise _Unusable("is full of control characters: it looks binary; pass a plain-text article")


def _extract_html(data: bytes) -> _Extracted:
    text = None
    match = _HTML_CHARSET.search(data[:4096])
    if match and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode(match.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            text = None  # a wrong or unknown declared charset: fall back to detection
    if text is None:
        text, _ = _decode(data)
    if not text.strip():
        raise _Unusable("contains only whitespace; save the complete web page or leave it out")
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    body = (getattr(doc, "text", None) or "").replace("\r\n", "\n") if doc is not None else ""
    if not body.strip():
        raise _Unusable(
            "has no article text that trafilatura could find; save the complete page, "
            "or paste the article into a .txt file"
        )
    title = getattr(doc, "title", None) or None
    if title and body.split("\n", 1)[0].strip() != title.strip():
        body = f"{title.strip()}\n{body}"  # keep the headline in the text so it is compared like any other
    authors = tuple(a.strip() for a in (getattr(doc, "author", None) or "").split(";") if a.strip())
    meta: dict[str, str | None] = {
        "title": title,
        "published": getattr(doc, "date", None) or None,
        "url": getattr(doc, "url", None) or None,
        "outlet": getattr(doc, "sitename", None) or None,
    }
    return _Extracted(text=body, meta=meta, authors=authors)


# --- manifest -------------------------------------------------------------------------------------------


def _find_manifest(directory: str) -> str | None:
    found = [os.path.join(directory, n) for n in MANIFEST_NAMES if os.path.isfile(os.path.join(directory, n))]
    if len(found) > 1:
        raise ConfigError(f"{directory}: holds both {' and '.join(MANIFEST_NAMES)}; keep only one")
    return found[0] if found else None


def _read_manifest(path: str) -> _Manifest:
    """Parse and validate a manifest; raise ConfigError naming the file and the problem."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            raw = yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or type(exc).__name__
        raise ConfigError(f"{path}: not valid YAML{where} ({problem}); fix the syntax") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read as UTF-8 text ({exc}); re-save it as UTF-8") from None

    def bad(msg: str) -> ConfigError:
        return ConfigError(f"{path}: {msg}; fix the manifest")

    if not isinstance(raw, dict):
        raise bad("must be a mapping with 'name' and 'documents'")
    unknown = sorted(str(k) for k in raw if k not in ("name", "documents"))
    if unknown:
        raise bad(f"unknown top-level key {unknown[0]!r} (expected name, documents)")
    name = raw.get("name")
    if name is not None and (not isinstance(name, str) or not _ID_RE.match(name)):
        raise bad(f"'name' must be a file-name-safe string like deepseek-meta-2025, got {name!r}")
    docs = raw.get("documents")
    if not isinstance(docs, list) or not docs:
        raise bad("'documents' must be a non-empty list of entries with at least 'file'")
    entries: list[_Entry] = []
    files: set[str] = set()
    ids: set[str] = set()
    for n, item in enumerate(docs, start=1):
        entry = _parse_entry(item, f"documents entry {n}", bad)
        if entry.file in files:
            raise bad(f"documents entry {n} names {entry.file!r} a second time")
        if entry.id is not None and entry.id in ids:
            raise bad(f"documents entry {n} reuses id {entry.id!r}")
        files.add(entry.file)
        if entry.id is not None:
            ids.add(entry.id)
        entries.append(entry)
    return _Manifest(path=path, name=name, entries=tuple(entries))


def _parse_entry(item: Any, where: str, bad: Any) -> _Entry:
    if not isinstance(item, dict):
        raise bad(f"{where} must be a mapping with at least 'file'")
    unknown = sorted(str(k) for k in item if k not in _DOC_KEYS)
    if unknown:
        raise bad(f"{where} has unknown key {unknown[0]!r} (expected {', '.join(_DOC_KEYS)})")
    file = item.get("file")
    if not isinstance(file, str) or not file.strip():
        raise bad(f"{where} needs 'file': the article's file name")
    where = f"{where} ({file})"
    doc_id = item.get("id")
    if doc_id is not None and (not isinstance(doc_id, str) or not _ID_RE.match(doc_id)):
        raise bad(f"{where}: 'id' must be letters, digits, '.', '_' or '-', got {doc_id!r}")
    meta: dict[str, str | None] = {}
    for key in _META_KEYS:
        if key not in item:
            continue
        value = item[key]
        if key == "published" and isinstance(value, _dt.date):
            value = value.isoformat()  # YAML reads an unquoted 2025-01-25 as a date
        if value is not None and not isinstance(value, str):
            raise bad(f"{where}: {key!r} must be a string or null, got {value!r}")
        if key == "published" and value is not None:
            try:
                _dt.datetime.fromisoformat(value)
            except ValueError:
                raise bad(
                    f"{where}: 'published' must be ISO 8601 like 2025-01-28 or 2025-01-28T10:57, "
                    f"got {value!r}"
                ) from None
        if key in ("language", "original_language") and value is not None and not _LANG_RE.match(value):
            raise bad(f"{where}: {key!r} must be a language code like en, de or zh, got {value!r}")
        meta[key] = value
    return _Entry(
        file=file,
        id=doc_id,
        meta=meta,
        rules=_parse_rules(item.get("furniture"), where, bad),
        kinds=_parse_kinds(item.get("kinds"), where, bad),
    )


def _parse_rules(spec: Any, where: str, bad: Any) -> tuple[FurnitureRule, ...]:
    if spec is None:
        return ()
    if not isinstance(spec, list):
        raise bad(f"{where}: 'furniture' must be a list of patterns")
    rules: list[FurnitureRule] = []
    for rule in spec:
        pattern, kind = (rule, "boilerplate") if isinstance(rule, str) else (None, None)
        if isinstance(rule, dict) and set(rule) <= {"pattern", "kind"}:
            pattern, kind = rule.get("pattern"), rule.get("kind", "boilerplate")
        if not isinstance(pattern, str) or not pattern:
            raise bad(
                f"{where}: each 'furniture' item must be a pattern string or {{pattern, kind}}, got {rule!r}"
            )
        if kind not in FURNITURE_KINDS:
            raise bad(f"{where}: furniture kind {kind!r} is not one of {', '.join(sorted(FURNITURE_KINDS))}")
        try:
            rules.append(FurnitureRule(re.compile(pattern), kind))
        except re.error as exc:
            raise bad(f"{where}: furniture pattern {pattern!r} is not a valid regex ({exc})") from None
    return tuple(rules)


def _parse_kinds(spec: Any, where: str, bad: Any) -> dict[int, str]:
    if spec is None:
        return {}
    if not isinstance(spec, dict):
        raise bad(f"{where}: 'kinds' must map line numbers to kinds, like {{12: caption}}")
    kinds: dict[int, str] = {}
    for number, kind in spec.items():
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            raise bad(f"{where}: 'kinds' key {number!r} must be a 1-based line number")
        if kind not in LINE_KINDS:
            known = ", ".join(sorted(LINE_KINDS))
            raise bad(f"{where}: kind {kind!r} for line {number} is not one of {known}")
        kinds[number] = kind
    return kinds


# --- assembling the corpus ------------------------------------------------------------------------------


def _slug(stem: str) -> str:
    slug = re.sub(r"[^\w.]+", "-", unicodedata.normalize("NFKC", stem).casefold()).strip("-._")
    return slug or "doc"


def _content_key(text: str) -> str:
    # Same article = same words in the same order, whatever the line endings or spacing.
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def _add(acc: _Acc, path: str, extracted: _Extracted, entry: _Entry | None, manifest: str | None) -> None:
    key = _content_key(extracted.text)
    if key in acc.by_content:
        acc.skipped.append(Skipped(path=path, reason=f"duplicate of {acc.by_content[key]}"))
        return
    if entry is not None and entry.id is not None:
        if entry.id in acc.ids:
            raise ConfigError(
                f"{manifest}: id {entry.id!r} is already used by another input; give one of them another id"
            )
        doc_id = entry.id
    else:
        base = _slug(Path(path).stem)
        doc_id, n = base, 2
        while doc_id in acc.ids:
            doc_id, n = f"{base}-{n}", n + 1
    text = extracted.text
    kinds = entry.kinds if entry is not None else {}
    if kinds:
        numbers = {number for number, _, _ in physical_lines(text)}
        missing = sorted(set(kinds) - numbers)
        if missing:
            raise ConfigError(
                f"{manifest}: 'kinds' for {path} names line {missing[0]}, which is blank or "
                "past the end of the text; fix the line number"
            )
    lines = classify_lines(text, rules=entry.rules if entry else (), kinds=kinds, bylines=extracted.authors)
    meta: dict[str, str | None] = dict.fromkeys(_META_KEYS)
    meta.update(extracted.meta)
    if meta["title"] is None:
        headlines = (line.text.lstrip("# ").strip() for line in lines if line.kind == "headline")
        meta["title"] = next(headlines, None)
    if entry is not None:
        meta.update(entry.meta)  # the manifest's word wins, including an explicit null
    acc.ids.add(doc_id)
    acc.by_content[key] = doc_id
    acc.documents.append(Document(id=doc_id, path=path, text=text, lines=lines, **meta))


def _load_named_file(acc: _Acc, path: str, entry: _Entry | None = None, manifest: str | None = None) -> None:
    try:
        extracted = _extract(path)
    except _Unusable as exc:
        raise InputError(f"{path}: {exc}") from None
    _add(acc, path, extracted, entry, manifest)


CONFIG_SUFFIXES = (".yaml", ".yml", ".toml")


def _load_directory(acc: _Acc, directory: str) -> None:
    before_skipped = len(acc.skipped)
    usable = 0
    manifest_path = _find_manifest(directory)
    # driftcheck's own files beside the articles (manifest, suppressions, known errors) are not documents.
    names = sorted(
        n
        for n in os.listdir(directory)
        if not n.startswith(".") and n not in MANIFEST_NAMES and not n.lower().endswith(CONFIG_SUFFIXES)
    )
    listed: set[str] = set()
    if manifest_path is not None:
        manifest = _read_manifest(manifest_path)
        if acc.root is None:
            acc.root = directory
        for entry in manifest.entries:
            path = os.path.join(directory, entry.file)
            if not os.path.isfile(path):
                raise InputError(
                    f"{manifest_path}: names {entry.file!r} but {path} does not exist; "
                    "fix the file name or remove the entry"
                )
            _load_named_file(acc, path, entry, manifest_path)
            usable += 1
            listed.add(os.path.normcase(os.path.realpath(path)))
    for name in names:
        path = os.path.join(directory, name)
        if os.path.normcase(os.path.realpath(path)) in listed:
            continue
        if os.path.isdir(path):
            acc.skipped.append(Skipped(path, "is a subdirectory, not searched; pass it as its own input"))
        elif manifest_path is not None:
            reason = f"not listed in {os.path.basename(manifest_path)}; add an entry for it to compare it"
            acc.skipped.append(Skipped(path, reason))
        else:
            try:
                extracted = _extract(path)
            except _Unusable as exc:
                acc.skipped.append(Skipped(path, str(exc)))
                continue
            usable += 1
            _add(acc, path, extracted, None, None)
    if usable == 0:
        new = acc.skipped[before_skipped:]
        why = f" ({len(new)} skipped, e.g. {os.path.basename(new[0].path)} {new[0].reason})" if new else ""
        raise InputError(
            f"{directory}: no usable article in this directory{why}; add .txt, .md or .html articles"
        )


def load_corpus(paths: Sequence[str | os.PathLike[str]]) -> Corpus:
    """Load files and/or directories (with optional manifest) into a Corpus, in a deterministic order."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # a lone path is a common slip; treat it as a list of one
    if not paths:
        raise InputError("no input given; pass article files or a directory")
    acc = _Acc()
    for given in paths:
        path = os.fspath(given)
        if not os.path.exists(path):
            raise InputError(f"{path}: no such file or directory; check the path")
        if os.path.isdir(path):
            _load_directory(acc, path)
        elif os.path.basename(path) in MANIFEST_NAMES:
            _load_directory(acc, os.path.dirname(path) or ".")
        else:
            _load_named_file(acc, path)
    return Corpus(documents=tuple(acc.documents), skipped=tuple(acc.skipped), root=acc.root)


def corpus_name(corpus: Corpus) -> str:
    """The corpus name: the manifest's `name`, else the directory's name, else the first file's stem."""
    if corpus.root is not None:
        manifest = _find_manifest(corpus.root)
        if manifest is not None:
            name = _read_manifest(manifest).name
            if name:
                return name
        return _slug(Path(os.path.abspath(corpus.root)).name)
    if not corpus.documents:
        return "corpus"
    parents = {os.path.abspath(os.path.dirname(d.path)) for d in corpus.documents}
    if len(corpus.documents) > 1 and len(parents) == 1:
        return _slug(Path(parents.pop()).name)
    return _slug(Path(corpus.documents[0].path).stem)


def inputs_sha256(corpus: Corpus) -> str:
    """sha256 over the (id, text) of every document in order: identifies exactly what was compared."""
    digest = hashlib.sha256()
    for doc in corpus.documents:
        for part in (doc.id.encode("utf-8"), doc.text.encode("utf-8")):
            # Length-prefixed so that ("ab", "c") and ("a", "bc") cannot collide.
            digest.update(len(part).to_bytes(8, "big"))
            digest.update(part)
    return digest.hexdigest()
