"""Readers for already-paired segments (TSV, JSONL, TMX, XLIFF 1.2 / 2.0), placeholder and glossary checks.

TMX and XLIFF are read with translate-toolkit (``translate.storage``). Inline elements are not text:
``source`` / ``target`` hold plain text for fact extraction (inline codes and placeholders such as
``{0}``, ``%s``, ``{{name}}`` removed, so ``{0}`` is never read as the number 0), ``source_markup`` /
``target_markup`` hold the inline content exactly as a canonical serialisation (namespaces dropped),
and ``source_offsets`` / ``target_offsets`` give, for every plain-text character, its offset in the
markup, so a finding's span maps back with :func:`markup_span`.

TSV: ``source<TAB>target[<TAB>id]``. The first row is a header, and is skipped, when every cell is a short
identifier-like word and at least one is a known column name (id, source, target, src, tgt, ...) or a
language code (``de``, ``eng``, ``zh-CN``); a header may reorder the columns (a column named ``id`` is the
id) and, when its source/target cells are language codes, sets the languages.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import yaml
from lxml import etree

from driftcheck.errors import ConfigError, InputError

__all__ = [
    "Glossary",
    "GlossaryIssue",
    "GlossaryTerm",
    "SegmentPair",
    "check_glossary",
    "check_placeholders",
    "load_glossary",
    "markup_span",
    "placeholders",
    "read_pairs",
]


@dataclass(frozen=True)
class SegmentPair:
    """One source segment and its translation as read from a bilingual file."""

    id: str
    source: str  # plain text: inline codes and placeholders removed
    target: str
    source_lang: str | None
    target_lang: str | None
    line: int  # 1-based line of the row / unit in the file
    source_markup: str = ""  # inline content as in the file (canonical XML for TMX / XLIFF)
    target_markup: str = ""
    source_offsets: tuple[int, ...] = ()  # markup offset of each plain-text character
    target_offsets: tuple[int, ...] = ()


@dataclass(frozen=True)
class GlossaryTerm:
    """A source term and the target terms accepted for it."""

    source: str
    targets: tuple[str, ...]
    line: int | None = None


@dataclass(frozen=True)
class Glossary:
    """Required translations and do-not-translate terms."""

    path: str
    terms: tuple[GlossaryTerm, ...]
    do_not_translate: tuple[str, ...]


@dataclass(frozen=True)
class GlossaryIssue:
    """A glossary rule a pair breaks: kind is 'missing_term' or 'dnt_altered'."""

    pair_id: str
    kind: str
    term: str
    expected: tuple[str, ...]
    message: str


# Placeholders of common i18n formats. Order matters: {{name}} before {name}. printf conversions must
# not be followed by a letter, so German "100%ige" is not read as "%i".
_PLACEHOLDER = re.compile(
    r"\{\{\s*[\w.\-]+\s*\}\}"  # {{name}} (Mustache, Jinja)
    r"|\{\d+\}"  # {0} (.NET, Java MessageFormat)
    r"|\{[A-Za-z_][\w.\-]*\}"  # {name} (Python format, ICU simple argument)
    r"|%(?:\d+\$)?[-+ 0#]?\d*(?:\.\d+)?[sdifuxXeEgGc@](?![A-Za-z])"  # %s, %1$s, %.2f
    r"|\$\{[\w.\-]+\}"  # ${name}
)

# Inline elements whose content is text (paired formatting); all other inline elements are native code.
_TEXT_ELEMENTS = frozenset({"g", "pc", "mrk", "hi"})

_KNOWN_COLUMNS = {
    "id": "id",
    "source": "source",
    "src": "source",
    "source_text": "source",
    "original": "source",
    "target": "target",
    "tgt": "target",
    "target_text": "target",
    "translation": "target",
}
_LANG_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$")
_HEADER_CELL = re.compile(r"^[A-Za-z_][\w\- ]{0,30}$")


def _fail(path: Path | str, line: int | None, what: str) -> InputError:
    where = f"{path}:{line}" if line else str(path)
    return InputError(f"{where}: {what}")


def _plain(markup_text: str, base: int) -> tuple[list[str], list[int]]:
    """Characters of a raw text run minus placeholders, with their offsets (base + index)."""
    chars: list[str] = []
    offsets: list[int] = []
    pos = 0
    for match in _PLACEHOLDER.finditer(markup_text):
        for k in range(pos, match.start()):
            chars.append(markup_text[k])
            offsets.append(base + k)
        pos = match.end()
    for k in range(pos, len(markup_text)):
        chars.append(markup_text[k])
        offsets.append(base + k)
    return chars, offsets


def _from_raw(raw: str) -> tuple[str, tuple[int, ...]]:
    """Plain text and offsets of a non-XML segment (TSV / JSONL): only placeholders are removed."""
    chars, offsets = _plain(raw, 0)
    return "".join(chars), tuple(offsets)


def _local(tag: Any) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _from_element(element: Any) -> tuple[str, str, tuple[int, ...]]:
    """Plain text, canonical inline markup and offsets of a <source>/<target>/<seg> element."""
    parts: list[str] = []
    chars: list[str] = []
    offsets: list[int] = []
    length = 0

    def emit(s: str) -> None:
        nonlocal length
        parts.append(s)
        length += len(s)

    def text(s: str | None, is_text: bool) -> None:
        if not s:
            return
        if is_text:
            # Offsets point at the escaped text, one run per character (escaping can lengthen a char).
            for piece in _split_placeholders(s):
                if isinstance(piece, tuple):
                    emit(escape(piece[0]))
                    continue
                for ch in piece:
                    chars.append(ch)
                    offsets.append(length)
                    emit(escape(ch))
        else:
            emit(escape(s))

    def walk(el: Any, is_text: bool) -> None:
        name = _local(el.tag)
        attrs = "".join(f" {etree.QName(k).localname}={quoteattr(v)}" for k, v in sorted(el.attrib.items()))
        inner_text = is_text and name in _TEXT_ELEMENTS
        if len(el) == 0 and not el.text:
            emit(f"<{name}{attrs}/>")
        else:
            emit(f"<{name}{attrs}>")
            text(el.text, inner_text)
            for child in el:
                walk(child, inner_text)
            emit(f"</{name}>")
        text(el.tail, is_text)

    text(element.text, True)
    for child in element:
        if isinstance(child.tag, str):
            walk(child, True)
        else:  # comments / processing instructions are not content
            text(child.tail, True)
    return "".join(chars), "".join(parts), tuple(offsets)


def _split_placeholders(s: str) -> list[str | tuple[str]]:
    """Text split into plain runs (str) and placeholders (1-tuples)."""
    out: list[str | tuple[str]] = []
    pos = 0
    for match in _PLACEHOLDER.finditer(s):
        if match.start() > pos:
            out.append(s[pos : match.start()])
        out.append((match.group(),))
        pos = match.end()
    if pos < len(s):
        out.append(s[pos:])
    return out


def placeholders(segment: str) -> list[str]:
    """Inline tags and placeholder tokens of a markup string, in order (a tag with its code content)."""
    try:
        root = etree.fromstring(f"<r>{segment}</r>")
    except etree.XMLSyntaxError:
        return [m.group() for m in _PLACEHOLDER.finditer(segment)]
    found: list[str] = []

    def text(s: str | None) -> None:
        if s:
            found.extend(m.group() for m in _PLACEHOLDER.finditer(s))

    def walk(el: Any) -> None:
        name = _local(el.tag)
        attrs = "".join(f" {k}={quoteattr(v)}" for k, v in sorted(el.attrib.items()))
        if name in _TEXT_ELEMENTS:
            found.append(f"<{name}{attrs}>")
            text(el.text)
            for child in el:
                walk(child)
            found.append(f"</{name}>")
        else:
            # Native code: the element and its content are one unit that must survive untouched.
            found.append(etree.tostring(el, encoding=str, with_tail=False))
        text(el.tail)

    text(root.text)
    for child in root:
        if isinstance(child.tag, str):
            walk(child)
    return found


def check_placeholders(pair: SegmentPair) -> list[str]:
    """Messages for placeholders and inline tags missing from, or added in, the target."""
    src = placeholders(pair.source_markup or pair.source)
    tgt = placeholders(pair.target_markup or pair.target)
    remaining = list(tgt)
    missing = []
    for token in src:
        if token in remaining:
            remaining.remove(token)
        else:
            missing.append(token)
    return [f"{pair.id}: placeholder {t} missing in target" for t in missing] + [
        f"{pair.id}: placeholder {t} added in target" for t in remaining
    ]


def markup_span(pair: SegmentPair, side: str, start: int, end: int) -> tuple[int, int]:
    """Map a [start, end) span of pair.source / pair.target (side 'source' or 'target') to its markup."""
    offsets = pair.source_offsets if side == "source" else pair.target_offsets
    markup = pair.source_markup if side == "source" else pair.target_markup
    if side not in ("source", "target") or not 0 <= start <= end <= len(offsets):
        raise InputError(f"markup_span: span {start}:{end} of {side!r} is outside segment {pair.id}")
    if start == end:
        at = offsets[start] if start < len(offsets) else len(markup)
        return at, at
    last = offsets[end - 1]
    # The last character may be escaped in XML markup (& -> &amp;): extend to the end of its escape.
    char = (pair.source if side == "source" else pair.target)[end - 1]
    escaped = escape(char)
    width = len(escaped) if markup.startswith(escaped, last) else 1
    return offsets[start], last + width


# --- readers -------------------------------------------------------------------------------------------


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise _fail(path, None, "file not found; check the path") from None
    except OSError as exc:
        raise _fail(path, None, f"cannot be read ({exc.strerror}); check permissions") from None
    if not data.strip():
        raise _fail(path, None, "file is empty; give a file with at least one segment pair")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(path, None, f"not UTF-8 (byte {exc.start}); re-save the file as UTF-8") from None


def _sniff(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    by_ext = {".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".tmx": "tmx"}
    if suffix in by_ext:
        return by_ext[suffix]
    head = text.lstrip()[:2000]
    if suffix in (".xlf", ".xliff") or (suffix in ("", ".txt", ".xml") and head.startswith("<")):
        if re.search(r"<tmx[\s>]", head):
            return "tmx"
        if re.search(r"<xliff[\s>]", head):
            return "xliff2" if re.search(r"""version\s*=\s*["']2\.|xliff:document:2\.""", head) else "xliff"
        raise _fail(path, None, "XML but neither TMX nor XLIFF; give a .tmx, .xlf, .tsv or .jsonl file")
    if suffix in ("", ".txt"):
        if head.startswith("{"):
            return "jsonl"
        if "\t" in head:
            return "tsv"
    raise _fail(
        path, None, f"unsupported file type {suffix or '(none)'}; use .tsv, .jsonl, .tmx, .xlf or .xliff"
    )


def _is_header(cells: list[str]) -> bool:
    words = [c.strip() for c in cells]
    if not all(_HEADER_CELL.match(w) for w in words):
        return False
    return any(w.lower() in _KNOWN_COLUMNS or _LANG_CODE.match(w) for w in words)


def _read_tsv(path: Path, text: str) -> list[SegmentPair]:
    lines = text.splitlines()
    first = next((k for k, line in enumerate(lines) if line.strip()), None)
    columns = {"source": 0, "target": 1, "id": 2}
    langs: dict[str, str | None] = {"source": None, "target": None}
    start = 0
    if first is not None and "\t" in lines[first] and _is_header(lines[first].split("\t")):
        cells = [c.strip() for c in lines[first].split("\t")]
        names = [_KNOWN_COLUMNS.get(c.lower()) for c in cells]
        id_col = names.index("id") if "id" in names else None
        rest = [k for k in range(len(cells)) if k != id_col]
        src_col = names.index("source") if "source" in names else rest[0]
        tgt_col = names.index("target") if "target" in names else next(k for k in rest if k != src_col)
        columns = {"source": src_col, "target": tgt_col, "id": -1 if id_col is None else id_col}
        for side, col in (("source", src_col), ("target", tgt_col)):
            if names[col] is None and _LANG_CODE.match(cells[col]):
                langs[side] = cells[col]
        start = first + 1
    width = max(columns.values()) + 1
    pairs = []
    for k in range(start, len(lines)):
        line = lines[k]
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) < 2:
            raise _fail(path, k + 1, "row has no tab; separate source and target with a TAB character")
        if len(cells) > max(width, 3):
            raise _fail(path, k + 1, f"row has {len(cells)} columns; expected source, target and optional id")
        get = {name: cells[col] if 0 <= col < len(cells) else "" for name, col in columns.items()}
        source, source_offsets = _from_raw(get["source"])
        target, target_offsets = _from_raw(get["target"])
        pairs.append(
            SegmentPair(
                id=get["id"].strip() or str(k + 1),
                source=source,
                target=target,
                source_lang=langs["source"],
                target_lang=langs["target"],
                line=k + 1,
                source_markup=get["source"],
                target_markup=get["target"],
                source_offsets=source_offsets,
                target_offsets=target_offsets,
            )
        )
    return pairs


def _read_jsonl(path: Path, text: str) -> list[SegmentPair]:
    pairs = []
    for k, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise _fail(path, k, f"malformed JSON ({exc.msg}); each line must be one JSON object") from None
        if not isinstance(obj, dict):
            raise _fail(path, k, 'line is not a JSON object; write {"source": ..., "target": ...}')
        for key in ("source", "target"):
            if not isinstance(obj.get(key), str):
                raise _fail(
                    path, k, f'"{key}" missing or not a string; each line needs "source" and "target"'
                )
        source, source_offsets = _from_raw(obj["source"])
        target, target_offsets = _from_raw(obj["target"])
        ident = obj.get("id")
        pairs.append(
            SegmentPair(
                id=str(ident) if ident is not None and str(ident) != "" else str(k),
                source=source,
                target=target,
                source_lang=obj.get("source_lang") if isinstance(obj.get("source_lang"), str) else None,
                target_lang=obj.get("target_lang") if isinstance(obj.get("target_lang"), str) else None,
                line=k,
                source_markup=obj["source"],
                target_markup=obj["target"],
                source_offsets=source_offsets,
                target_offsets=target_offsets,
            )
        )
    return pairs


def _parse_store(path: Path, kind: str, data: bytes) -> Any:
    from translate.storage import tmx, xliff, xliff2

    cls: Any = {"tmx": tmx.tmxfile, "xliff": xliff.xlifffile, "xliff2": xliff2.Xliff2File}[kind]
    try:
        etree.fromstring(data)  # a precise line number for broken XML, before the toolkit sees it
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else None
        raise _fail(path, line, f"XML does not parse ({exc.msg}); fix or re-export the file") from None
    try:
        return cls.parsestring(data)
    except (ValueError, etree.XMLSyntaxError) as exc:
        raise _fail(path, None, f"not a readable {kind.upper()} file ({exc}); re-export it") from None


def _read_xml(path: Path, kind: str) -> list[SegmentPair]:
    from translate.misc.xml_helpers import getXMLlang

    store = _parse_store(path, kind, path.read_bytes())
    pairs = []
    src_default = getattr(store, "sourcelanguage", None) or None
    tgt_default = getattr(store, "targetlanguage", None) or None
    if kind == "tmx":
        header = store.document.getroot().find(".//header")
        src_default = header.get("srclang") if header is not None else None
        if src_default and src_default.lower() == "*all*":
            src_default = None
    for unit in store.units:
        if unit.isheader():
            continue
        line = getattr(unit.xmlelement, "sourceline", None) or 0
        if kind == "tmx":
            tuvs = unit.getlanguageNodes()
            if len(tuvs) < 2:
                continue  # a monolingual TU has nothing to compare
            langs = [getXMLlang(t) for t in tuvs]
            s_idx = next((k for k, lang in enumerate(langs) if src_default and lang == src_default), 0)
            t_idx = next(k for k in range(len(tuvs)) if k != s_idx)
            seg = [t.find(unit.namespaced("seg")) for t in (tuvs[s_idx], tuvs[t_idx])]
            s_el, t_el = seg
            s_lang, t_lang = langs[s_idx], langs[t_idx]
        else:
            s_el, t_el = unit.source_dom, unit.target_dom
            s_lang, t_lang = src_default, tgt_default
        source, s_markup, s_off = _from_element(s_el) if s_el is not None else ("", "", ())
        target, t_markup, t_off = _from_element(t_el) if t_el is not None else ("", "", ())
        # TMX ids are optional (tuid); the toolkit would fall back to the source text, the line is clearer.
        unit_id = (unit.xmlelement.get("tuid") or str(line)) if kind == "tmx" else (unit.getid() or str(line))
        pairs.append(
            SegmentPair(
                id=unit_id.split("\x04")[-1],  # the toolkit prefixes XLIFF 1.x ids with the file name
                source=source,
                target=target,
                source_lang=s_lang,
                target_lang=t_lang,
                line=line,
                source_markup=s_markup,
                target_markup=t_markup,
                source_offsets=s_off,
                target_offsets=t_off,
            )
        )
    return pairs


def read_pairs(path: str | Path) -> list[SegmentPair]:
    """Read segment pairs from a TSV, JSONL, TMX or XLIFF (1.2 / 2.0) file."""
    p = Path(path)
    text = _read_text(p)
    kind = _sniff(p, text)
    if kind == "tsv":
        pairs = _read_tsv(p, text)
    elif kind == "jsonl":
        pairs = _read_jsonl(p, text)
    else:
        pairs = _read_xml(p, kind)
    if not pairs:
        raise _fail(p, None, "no segment pairs found; check the file has translated units")
    return pairs


# --- glossary ------------------------------------------------------------------------------------------


def load_glossary(path: str | Path) -> Glossary:
    """Load a glossary: TSV or YAML. Malformed rows are refused with the file and line, never skipped.

    TSV (``.tsv``, ``.tab``, ``.txt``): ``term<TAB>target[<TAB>alt...]``; a row of one cell (no tab) is a
    do-not-translate term; blank lines and ``#`` comments are ignored. A row with a tab but no target term
    is an error, and so is a one-cell row with a run of spaces in it (a tab turned into spaces).
    YAML (``.yaml``, ``.yml``): ``terms: {source: target | [targets]}`` and ``do_not_translate: [terms]``.
    """
    p = Path(path)
    text = _read_text(p)
    if p.suffix.lower() in (".yaml", ".yml"):
        glossary = _glossary_yaml(p, text)
    elif p.suffix.lower() in (".tsv", ".tab", ".txt"):
        glossary = _glossary_tsv(p, text)
    else:
        raise _fail(p, None, f"unsupported glossary type {p.suffix or '(none)'}; use .tsv, .yaml or .yml")
    if not glossary.terms and not glossary.do_not_translate:
        raise ConfigError(f"{p}: no glossary entries; add term<TAB>target rows (or 'terms:' in YAML)")
    return glossary


def _glossary_tsv(p: Path, text: str) -> Glossary:
    terms = []
    dnt = []
    for k, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if not cells[0]:
            raise _fail(p, k, "empty source term; put the term in the first column")
        targets = tuple(c for c in cells[1:] if c)
        if targets:
            terms.append(GlossaryTerm(cells[0], targets, k))
        elif len(cells) > 1:
            raise ConfigError(
                f"{p}:{k}: {cells[0]!r} has no target term after the tab; write term<TAB>target, "
                "or the term alone (no tab) to mark it do-not-translate"
            )
        elif re.search(r"\S\s{2,}\S", cells[0]):
            raise ConfigError(
                f"{p}:{k}: no tab in {cells[0]!r} but a run of spaces; separate term and target with a tab "
                "(a row without a tab is one do-not-translate term)"
            )
        else:
            dnt.append(cells[0])
    return Glossary(str(p), tuple(terms), tuple(dnt))


def _yaml_lines(text: str, section: str) -> list[int]:
    """1-based lines of the keys (mapping) or items (list) under a top-level YAML key, in order."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == section:
            if isinstance(value, yaml.MappingNode):
                return [k.start_mark.line + 1 for k, _ in value.value]
            if isinstance(value, yaml.SequenceNode):
                return [item.start_mark.line + 1 for item in value.value]
    return []


def _glossary_yaml(p: Path, text: str) -> Glossary:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise ConfigError(f"{p}:{line or '?'}: YAML does not parse; fix the syntax") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{p}: expected a mapping with 'terms' and/or 'do_not_translate'")
    unknown = sorted(str(key) for key in data if key not in ("terms", "do_not_translate"))
    if unknown:
        raise ConfigError(
            f"{p}: unknown key(s) {', '.join(unknown)}; expected 'terms' and 'do_not_translate'"
        )
    raw_terms = data.get("terms") or {}
    raw_dnt = data.get("do_not_translate") or []
    if not isinstance(raw_terms, dict) or not isinstance(raw_dnt, list):
        raise ConfigError(f"{p}: 'terms' must map source term -> target term(s); 'do_not_translate' a list")
    term_lines = _yaml_lines(text, "terms")
    if len(term_lines) != len(raw_terms):  # duplicate keys: positions would not line up
        term_lines = []
    terms = []
    for n, (src, tgt) in enumerate(raw_terms.items()):
        where = f"{p}:{term_lines[n]}" if n < len(term_lines) else str(p)
        if src is None or not str(src).strip() or isinstance(src, bool | list | dict):
            raise ConfigError(f"{where}: a term under 'terms' has no source text; write source: target")
        targets = (tgt,) if isinstance(tgt, str) else tuple(tgt) if isinstance(tgt, list) else ()
        if not targets or not all(isinstance(t, str) and t.strip() for t in targets):
            raise ConfigError(f"{where}: term {str(src)!r} needs a target string or a list of strings")
        line = term_lines[n] if n < len(term_lines) else None
        terms.append(GlossaryTerm(str(src), tuple(t.strip() for t in targets), line))
    dnt_lines = _yaml_lines(text, "do_not_translate")
    if len(dnt_lines) != len(raw_dnt):
        dnt_lines = []
    for n, word in enumerate(raw_dnt):
        if not isinstance(word, str | int | float) or isinstance(word, bool) or not str(word).strip():
            where = f"{p}:{dnt_lines[n]}" if n < len(dnt_lines) else str(p)
            raise ConfigError(f"{where}: each do_not_translate entry must be a term (text), not {word!r}")
    return Glossary(str(p), tuple(terms), tuple(str(t).strip() for t in raw_dnt))


def _term_pattern(term: str, *, inflect: bool, ignore_case: bool) -> re.Pattern[str]:
    # Terms in scripts without spaces (CJK) match as substrings; others need word boundaries. Terms of
    # 4+ letters may carry a short inflection ("Bundestages", "parliaments").
    if re.search(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", term):
        body = re.escape(term)
    else:
        suffix = r"\w{0,3}" if inflect and len(term) >= 4 else ""
        body = rf"(?<!\w){re.escape(term)}{suffix}(?!\w)"
    return re.compile(body, re.IGNORECASE if ignore_case else 0)


def check_glossary(pair: SegmentPair, glossary: Glossary) -> list[GlossaryIssue]:
    """Glossary terms in the source whose required translation is absent, and altered DNT terms."""
    issues = []
    for term in glossary.terms:
        if not _term_pattern(term.source, inflect=True, ignore_case=True).search(pair.source):
            continue
        if any(_term_pattern(t, inflect=True, ignore_case=True).search(pair.target) for t in term.targets):
            continue
        want = " or ".join(repr(t) for t in term.targets)
        issues.append(
            GlossaryIssue(
                pair.id,
                "missing_term",
                term.source,
                term.targets,
                f"{pair.id}: source has {term.source!r}; glossary requires {want} in the target",
            )
        )
    for word in glossary.do_not_translate:
        # Case-sensitive on both sides: "iPhone" written "Iphone" is an alteration.
        if not _term_pattern(word, inflect=False, ignore_case=False).search(pair.source):
            continue
        if _term_pattern(word, inflect=True, ignore_case=False).search(pair.target):
            continue
        issues.append(
            GlossaryIssue(
                pair.id,
                "dnt_altered",
                word,
                (word,),
                f"{pair.id}: do-not-translate term {word!r} is not kept verbatim in the target",
            )
        )
    return issues
