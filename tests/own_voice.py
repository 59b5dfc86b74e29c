"""The course's own voice, gathered for the guard tests (tests/test_own_voice.py): every piece of
prose the course writes itself, with where it stands, and the texts it may quote."""

from __future__ import annotations

import csv
import re
import tomllib
from collections.abc import Iterator

import nbformat

from course.paths import data_folder, notebooks_folder, project_folder

# The columns of data/ in which the course writes in its own words (the rest hold the texts' words,
# IDs, numbers or the reference data as received).
OWN_COLUMNS = {
    "timeline.csv": ["event", "how_resolved"],
    "then_and_now.csv": ["in_between", "expectation", "how_it_turned_out"],
    "check_plan.csv": ["label", "same_event", "reasoning"],
    "statistics.csv": ["counted_what", "period", "note"],
    "marker_words.csv": ["reason", "note"],
    "publishers.csv": ["tie_to_texts"],
}

_CURLY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})

# A quoted span: "double", “curly” (made straight first) or 'single' quotes; an apostrophe inside a
# word ("Kremlin's") does not end a single-quoted span.
QUOTED = re.compile(r"\"([^\"\n]+)\"|(?<![\w])'((?:[^'\n]|(?<=\w)'(?=\w))+?)'(?![\w])")


def normal(text: str) -> str:
    """Quotes made straight, JupyterLab's \\$ made $, spaces collapsed."""
    text = text.translate(_CURLY).replace("\\\\$", "$").replace("\\$", "$")
    return re.sub(r"\s+", " ", text).strip()


def without_quotes(text: str) -> str:
    """The text with every quoted span blanked out (the course's own words only)."""
    return QUOTED.sub(lambda m: " " * len(m.group(0)), normal(text))


def quoted(text: str) -> list[str]:
    return [m.group(1) or m.group(2) for m in QUOTED.finditer(normal(text))]


def pieces() -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of prose in the course's own voice."""
    for file, columns in OWN_COLUMNS.items():
        with (data_folder() / file).open(encoding="utf-8") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=1):
                for column in columns:
                    yield f"data/{file} row {number} {column}", row[column]
    classroom = project_folder() / "course" / "classroom"
    for item in tomllib.loads((classroom / "exercises.toml").read_text("utf-8"))["exercise"]:
        for key in ("question", "hint", "explanation"):
            yield f"exercise {item['id']} {key}", item[key]
        for key, value in {**item.get("choices", {}), **item.get("wrong", {})}.items():
            yield f"exercise {item['id']} choice/advice {key}", value
    for item in tomllib.loads((classroom / "prompts.toml").read_text("utf-8"))["prompt"]:
        yield f"prompt {item['id']}", item["prompt"]
    # The rubrics and their model answers: a model answer is the course's example of good work.
    authoring = project_folder() / "course" / "authoring"
    for item in tomllib.loads((authoring / "rubrics.toml").read_text("utf-8"))["rubric"]:
        for key in ("strong", "good", "developing", "beginning", "model"):
            yield f"rubric {item['prompt']} {key}", item[key]
    for path in sorted(notebooks_folder().glob("*.ipynb")):
        for number, cell in enumerate(nbformat.read(path, as_version=4).cells):
            if cell.cell_type == "markdown":
                # Code in backticks is Python, not prose.
                yield f"{path.name} cell {number}", re.sub(r"`[^`\n]*`", " ", cell.source)
    # The guide's words to teachers and parents about the texts (the rest of its opening is about
    # commands, and quotes the course's own labels).
    intro = (project_folder() / "course" / "authoring" / "guide_intro.md").read_text("utf-8")
    yield (
        "guide_intro.md, sensitive topics",
        re.sub(r"`[^`\n]*`", " ", intro[intro.index("## Teaching a topic") :]),
    )
    yield (
        "GLOSSARY.md",
        re.sub(r"`[^`\n]*`", " ", (project_folder() / "GLOSSARY.md").read_text("utf-8")),
    )


def sources_text() -> dict[str, str]:
    """What a quotation may quote, lower-cased and normalised: each text (cleaned and as received),
    and the reference data with the publishers' standing words."""
    from course.text.sources import load_source

    found = {}
    for name in ("news", "opinion"):
        source = load_source(name)
        found[name] = normal(source.text() + " \n " + source.raw).lower()
    reference = []
    for path in sorted((data_folder() / "reference").glob("*.csv")):
        with path.open(encoding="utf-8") as handle:
            reference += [" ".join(row.values()) for row in csv.DictReader(handle)]
    with (data_folder() / "publishers.csv").open(encoding="utf-8") as handle:
        reference += [row["standing_words"] for row in csv.DictReader(handle)]
    found["reference"] = normal(" \n ".join(reference)).lower()
    return found


def stands_in(phrase: str, text: str) -> bool:
    """Whether a quotation stands in a text, word for word; '...' may leave words out between its
    parts, which must come in order."""
    parts = [
        part.strip(" ,.;:?!")
        for part in re.split(r"\s*(?:\.\.\.|…)\s*", normal(phrase).lower().replace("*", ""))
    ]
    position = 0
    for part in filter(None, parts):
        position = text.find(part, position)
        if position < 0:
            return False
        position += len(part)
    return True
