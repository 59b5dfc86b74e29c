"""The teacher's briefing: who wrote each text, who published the reference data, and what the
reference data record between the two texts, generated from the course's own data.

``python -m course briefing`` prints it; ``TEACHER_BRIEFING.md`` is that output, and a test keeps
the two equal. It states nothing the data do not: each line comes from a text's metadata (what the
text shows about itself), ``data/publishers.csv`` or a reference row, and names where; what a text
does not say stays "not stated", here as in the lessons.
"""

from __future__ import annotations

from course.paths import data_folder

__all__ = ["teacher_briefing", "FIRST_DAY_AFTER_NEWS", "LAST_DAY"]

FIRST_DAY_AFTER_NEWS = "2022-01-03"
"""The day after the news report's date (2 January 2022): events from here on, it could not know."""
LAST_DAY = "2025-12-31"
"""The last day of the column's month as the course materials give it (December 2025)."""


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("$", "\\$").replace("\n", " ")


def _text_part(name: str, title: str) -> list[str]:
    from course.text.sources import load_source

    meta = load_source(name).metadata
    fields = [
        ("Kind", meta["kind"]),
        ("Headline", meta["headline"]),
        ("Byline as printed", meta["byline_as_stated"]),
        ("Authors as named", ", ".join(meta["authors"])),
        ("Authors' roles as the text gives them", meta["author_roles"]),
        ("Date as printed", meta["date_as_stated"]),
    ]
    if meta["date_as_stated"] == "not stated":
        fields.append(("Date in the course materials", meta["date_in_course_materials"]))
    fields += [
        ("Outlet as named", meta["outlet_as_stated"]),
        ("Clues to the outlet", "; ".join(meta["outlet_clues"])),
        ("Correction", meta["correction_as_stated"]),
    ]
    lines = [f"## {title}", "", f"From `seeds/{meta['file'].replace('.txt', '.meta.toml')}`.", ""]
    lines += [f"- **{name}**: {_cell(value)}" for name, value in fields]
    lines += ["", "What the text does not say about itself:", ""]
    lines += [f"- {_cell(item)}" for item in meta["not_stated"]]
    return lines + [""]


def _ties() -> list[str]:
    from course.analysis.publishers import publishers_table, ties_to_texts

    frame = publishers_table().frame
    tied = frame[frame["publisher"].isin(ties_to_texts().frame["publisher"])]
    lines = [
        "## Publishers with a tie to the texts",
        "",
        "From `data/publishers.csv`: organisations that publish reference rows and are also "
        "connected with one of the texts. A tie does not make a figure wrong; it is a reason to "
        "look for a second source.",
        "",
        "| publisher | standing | country | standing from | tie to the texts |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| {_cell(r['publisher'])} | {_cell(r['standing'])}"
        + (" (sources differ on this)" if r["standing_contested"] == "true" else "")
        + f" | {_cell(r['country'])} | "
        f"{_cell(r['standing_source'])} | {_cell(r['tie_to_texts'])} |"
        for r in tied.to_dict("records")
    ]
    return lines + [""]


def _standings() -> list[str]:
    from course.analysis.publishers import standing_counts

    table = standing_counts()
    columns = list(table.frame.columns)
    lines = [
        "## Who published the reference data the checks rest on",
        "",
        "Lesson 03's `standing_counts()`, by the standing of each row's original publisher "
        "(defined by ownership and funding, with a source for each, in `data/publishers.csv`).",
        "",
        "| " + " | ".join(columns) + " |",
        "|" + "---|" * len(columns),
    ]
    lines += [
        "| " + " | ".join(_cell(row[c]) for c in columns) + " |"
        for row in table.frame.to_dict("records")
    ]
    return lines + ["", *(f"{note}" for note in table.notes), ""]


def _between() -> list[str]:
    from course.analysis.reference import reference_frame
    from course.analysis.timeline import timeline_table

    frame = timeline_table("news", with_reference=True).frame
    frame = frame[frame["origin"] == "reference"]
    dated = frame["date"].str[:1].str.isdigit()
    # A year or month counts as in range if any of it is: "2022" is after 2 January 2022 in part.
    start = frame["date"].str.ljust(10, "~") >= FIRST_DAY_AFTER_NEWS
    frame = frame[dated & start & (frame["date"] <= LAST_DAY)]
    lines = [
        "## Between the two texts: what the reference data record",
        "",
        f"Events in the reference data dated from {FIRST_DAY_AFTER_NEWS} (the day after the news "
        f"report) to {LAST_DAY}, each with its row and publisher. These are the reference "
        "data's summaries of what their sources report, not the course's findings; read the "
        "rows themselves with `reference_row(...)`.",
        "",
        "| date | event | where | published by |",
        "|---|---|---|---|",
    ]
    for row in frame.to_dict("records"):
        file, _, numbers = row["where"].partition(" row")
        first = int(numbers.lstrip("s ").split(",")[0])
        publisher = reference_frame(file).iloc[first - 1]["publisher"]
        lines.append(
            f"| {_cell(row['date'])} | {_cell(row['event'])} | {_cell(row['where'])} | "
            f"{_cell(publisher)} |"
        )
    return lines + [""]


def teacher_briefing() -> str:
    """The briefing as Markdown.

    >>> briefing = teacher_briefing()
    >>> briefing.startswith("# Teacher's briefing")
    True
    >>> "- **Authors as named**: Mr. Jones" in briefing
    True
    """
    lines = [
        "# Teacher's briefing",
        "",
        "Generated by `.venv/bin/python -m course briefing > TEACHER_BRIEFING.md` from the texts' "
        "metadata and the course's data; do not edit by hand.",
        "",
        "Who wrote the two texts, who published the figures they are checked against, and what "
        "happened between them, as far as the texts and the reference data say. Every line names "
        'where it comes from. Where a text is silent, this briefing is too ("not stated"): the '
        "course does not fill a gap from memory, and neither should a class without a source. "
        "Finding out more is a lesson in itself: leave the page and read what others say about a "
        "source (lateral reading), and cite what you find.",
        "",
        *_text_part("news", "The news report"),
        *_text_part("opinion", "The opinion column"),
        *_ties(),
        *_standings(),
        *_between(),
        "## Where to read more",
        "",
        f"- `{data_folder().name}/reference/README.md`: where the reference data come from, and "
        "their caveats.",
        f"- `{data_folder().name}/README.md`: every data file and column, with its source.",
        "- Lesson 03 (who published a reference, and a source that disagrees with itself) and "
        "lesson 07 (then and now).",
        "",
    ]
    return "\n".join(lines)
