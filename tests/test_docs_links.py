"""The README and docs/ point only at things that exist.

The pages link into the tree and name files in backticks; files move (issue 13 moved most of
them) and a stale path sends a newcomer nowhere. Checked: every relative link resolves (its
``#anchor`` too, against the target page's headings as GitHub names them), every backticked
repository path exists, every page of docs/ can be reached from the README, and the README stays
short. Backticked text counts as a path only when it looks like one (letters, digits, ``_.-/``
only, a slash, and a file extension or a trailing slash), so ``GE0/0/1`` or
``<data dir>/runs/<run id>/`` are left alone. Fenced code blocks are skipped.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parents[1]
README_LIMIT = 10_000  # bytes; the README says what the product is and links on, the manual is docs/

_FENCE = re.compile(r"^(```|~~~)[^\n]*\n.*?^\1[^\n]*$", re.M | re.S)
_LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_INLINE_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_CODE = re.compile(r"`([^`\n]+)`")
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$", re.M)
_PATHLIKE = re.compile(r"[A-Za-z0-9_.\-/]+")
_EXTENSION = re.compile(r"\.[A-Za-z0-9]+$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


def pages(root: Path = ROOT) -> list[Path]:
    return [root / "README.md", *sorted((root / "docs").glob("**/*.md"))]


def _prose(text: str) -> str:
    """The page without its fenced code blocks (commands and examples, not references)."""
    return _FENCE.sub("", text)


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading: link text kept, punctuation dropped, spaces to dashes."""
    text = _INLINE_LINK.sub(r"\1", heading).strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(page: Path) -> set[str]:
    found: set[str] = set()
    for match in _HEADING.finditer(_prose(page.read_text("utf-8"))):
        base = slug(match.group(2))
        name, n = base, 0
        while name in found:  # GitHub numbers repeated headings: x, x-1, x-2…
            n += 1
            name = f"{base}-{n}"
        found.add(name)
    return found


def links(page: Path) -> list[str]:
    return [m.group(1) for m in _LINK.finditer(_prose(page.read_text("utf-8")))]


def link_problems(page: Path, root: Path) -> list[str]:
    problems = []
    for target in links(page):
        if _SCHEME.match(target):
            continue  # http(s), mailto: not this test's business (no network in tests)
        path_part, _, anchor = target.partition("#")
        resolved = (page.parent / unquote(path_part)).resolve() if path_part else page
        where = f"{page.relative_to(root)}: link {target}"
        if not resolved.exists():
            problems.append(f"{where}: {path_part} does not exist")
        elif anchor and resolved.suffix == ".md" and unquote(anchor) not in anchors(resolved):
            problems.append(f"{where}: no heading #{anchor} in {resolved.relative_to(root)}")
    return problems


def backticked_paths(page: Path) -> list[str]:
    found = []
    for match in _CODE.finditer(_prose(page.read_text("utf-8"))):
        text = match.group(1).strip()
        if not _PATHLIKE.fullmatch(text) or "/" not in text or text.startswith(("/", ".")):
            continue
        last = text.rstrip("/").rsplit("/", 1)[-1]
        if text.endswith("/") or _EXTENSION.search(last):
            found.append(text)
    return found


def path_problems(page: Path, root: Path) -> list[str]:
    return [f"{page.relative_to(root)}: `{p}` does not exist (paths in backticks are from the repository's root)"
            for p in backticked_paths(page) if not (root / p).exists()]


def unreachable(root: Path) -> list[Path]:
    """Pages of docs/ that no chain of links from the README reaches."""
    seen, todo = set(), [root / "README.md"]
    while todo:
        page = todo.pop()
        if page in seen or not page.exists():
            continue
        seen.add(page)
        for target in links(page):
            path_part = target.partition("#")[0]
            if path_part and not _SCHEME.match(target) and path_part.endswith(".md"):
                todo.append((page.parent / unquote(path_part)).resolve())
    return [p for p in pages(root)[1:] if p.resolve() not in seen]


# -- the repository's own pages ---------------------------------------------------------------


@pytest.mark.parametrize("page", pages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_resolve(page: Path) -> None:
    assert link_problems(page, ROOT) == []


@pytest.mark.parametrize("page", pages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_backticked_paths_exist(page: Path) -> None:
    assert path_problems(page, ROOT) == []


def test_every_docs_page_is_reachable_from_the_readme() -> None:
    assert (ROOT / "docs" / "architecture.md").exists()
    assert [str(p.relative_to(ROOT)) for p in unreachable(ROOT)] == []


def test_readme_is_short() -> None:
    size = len((ROOT / "README.md").read_bytes())
    assert size < README_LIMIT, f"README.md is {size} bytes; move manual text into docs/"


# -- the checks themselves, on pages made here ------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "mod.py").write_text("")
    (tmp_path / "docs" / "other.md").write_text("# Other page\n\n## Duty log (值班日志)\n\n## Same\n\n## Same\n",
                                                "utf-8")
    return tmp_path


def _page(tree: Path, text: str, name: str = "README.md") -> Path:
    page = tree / name
    page.write_text(text, "utf-8")
    return page


def test_a_missing_link_target_is_reported(tree: Path) -> None:
    page = _page(tree, "[ok](pkg/mod.py) [gone](pkg/moved.py) [web](https://example.org/x.py)\n")
    assert link_problems(page, tree) == ["README.md: link pkg/moved.py: pkg/moved.py does not exist"]


def test_links_resolve_from_the_page_folder(tree: Path) -> None:
    page = _page(tree, "[up](../pkg/mod.py) [wrong](pkg/mod.py)\n", "docs/page.md")
    assert link_problems(page, tree) == ["docs/page.md: link pkg/mod.py: pkg/mod.py does not exist"]


def test_anchors_are_checked_as_github_names_them(tree: Path) -> None:
    page = _page(tree, "[a](docs/other.md#duty-log-值班日志) [b](docs/other.md#same-1) [c](docs/other.md#same-2)"
                       " [d](#here) [e](#nowhere)\n\n## Here\n")
    assert link_problems(page, tree) == [
        "README.md: link docs/other.md#same-2: no heading #same-2 in docs/other.md",
        "README.md: link #nowhere: no heading #nowhere in README.md",
    ]


def test_a_missing_backticked_path_is_reported(tree: Path) -> None:
    page = _page(tree, "`pkg/mod.py` `pkg/` `pkg/old.py` `gone/` `GE0/0/1` `<data dir>/runs/x.json` `~/a/b.txt`"
                       " `/etc/hosts.conf` `.venv/bin/x.py` `scripts/test` `a.b`\n")
    assert path_problems(page, tree) == [
        "README.md: `pkg/old.py` does not exist (paths in backticks are from the repository's root)",
        "README.md: `gone/` does not exist (paths in backticks are from the repository's root)",
    ]


def test_fenced_code_is_not_checked(tree: Path) -> None:
    page = _page(tree, "```\n[x](missing.md) `pkg/missing.py`\n```\n")
    assert link_problems(page, tree) == [] and path_problems(page, tree) == []


def test_a_page_no_link_reaches_is_reported(tree: Path) -> None:
    _page(tree, "[other](docs/other.md)\n")
    (tree / "docs" / "orphan.md").write_text("# Orphan\n")
    assert unreachable(tree) == [tree / "docs" / "orphan.md"]
