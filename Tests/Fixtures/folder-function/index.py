"""A function packaged from a folder: it imports a module beside it and reads
a data file, which inline code (one file) could not."""

import os
from pathlib import Path

from greetings.words import greeting


def handler(event, context):
    template = (Path(__file__).parent / "greetings" / "template.txt").read_text(encoding="utf-8").strip()
    return {"message": template.format(greeting=greeting(), name=event.get("name", "world")),
            "stage": os.environ.get("STAGE", "")}
