"""An article written from something else (the command definitions, the
benchmark results): written, or with --check compared with what is committed."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def write_or_check(article: Path, text: str, check: bool, how_to_update: str) -> int:
    """Writes `text` to `article`; with `check`, writes nothing and returns 1
    (saying how to update it) when the article differs."""
    if not check:
        article.write_text(text)
        return 0
    if article.read_text() != text:
        print(f"{article.relative_to(ROOT)} is out of date: {how_to_update}", file=sys.stderr)
        return 1
    return 0
