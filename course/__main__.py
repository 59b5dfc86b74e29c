"""Command line: ``python -m course lessons | sentences [--csv] | log NAME [--csv]``.

For instructors and maintainers: print the lesson table, the sentence IDs or a cleaning log.
``python -m course sentences --csv > data/sentences.csv`` regenerates the sentence ID file.
"""

from __future__ import annotations

import argparse
import sys

from course.errors import CourseError


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code.

    >>> main(["lessons"]) == 0  # doctest: +ELLIPSIS
    | # | Lesson | Time | What you learn |
    ...
    True
    """
    parser = argparse.ArgumentParser(prog="python -m course", description="Helpers for the course's instructors and maintainers.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("lessons", help="print the lesson table (Markdown), as in the README")
    sentences = commands.add_parser("sentences", help="print every sentence with its ID")
    sentences.add_argument("--csv", action="store_true", help="print CSV (the content of data/sentences.csv)")
    log = commands.add_parser("log", help="print the cleaning log of a source")
    log.add_argument("name", help="the source's short name: news or opinion")
    log.add_argument("--csv", action="store_true", help="print CSV instead of a table")
    args = parser.parse_args(argv)
    try:
        if args.command == "lessons":
            from course.lessons import lesson_table

            print(lesson_table())
        elif args.command == "sentences":
            from course.display import sentences_table

            table = sentences_table().frame
            print(table.to_csv(index=False, lineterminator="\n") if args.csv else table.to_string(index=False), end="" if args.csv else "\n")
        else:
            from course.display import cleaning_log

            table = cleaning_log(args.name).frame
            print(table.to_csv(index=False, lineterminator="\n") if args.csv else table.to_string(index=False), end="" if args.csv else "\n")
    except CourseError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
