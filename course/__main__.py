"""Command line: ``python -m course lessons | sentences | log NAME | statistics | checks | release
DEST | …``.

For instructors and maintainers: print the lesson table, the sentence IDs, a cleaning log, the cited
statistics, or the check of every statistic against the reference data (to prepare a class).
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
    parser = argparse.ArgumentParser(
        prog="python -m course", description="Helpers for the course's instructors and maintainers."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("lessons", help="print the lesson table (Markdown), as in the README")
    sentences = commands.add_parser("sentences", help="print every sentence with its ID")
    sentences.add_argument(
        "--csv", action="store_true", help="print CSV (the content of data/sentences.csv)"
    )
    log = commands.add_parser("log", help="print the cleaning log of a source")
    log.add_argument("name", help="the source's short name: news or opinion")
    log.add_argument("--csv", action="store_true", help="print CSV instead of a table")
    statistics = commands.add_parser("statistics", help="print every cited statistic")
    statistics.add_argument("--csv", action="store_true", help="print CSV instead of a table")
    checks = commands.add_parser(
        "checks", help="print the check of every statistic against the reference data"
    )
    checks.add_argument(
        "--csv",
        action="store_true",
        help="print CSV (statistic_id, source, quote, status, explanation, references)",
    )
    checks.add_argument("--source", help="only one source: news or opinion")
    checks.add_argument(
        "--status", help="only one status: matches, close, differs, unclear or not checkable"
    )
    site = commands.add_parser(
        "site", help="write a static HTML version of every lesson (with outputs) to a new folder"
    )
    site.add_argument("destination", help="a new or empty folder, outside the course")
    site.add_argument(
        "--force",
        action="store_true",
        help="update an earlier site in the same folder (other files stay)",
    )
    printable = commands.add_parser(
        "printables",
        help="write printable pages to a new folder: both texts with sentence IDs, a worksheet per "
        "lesson, a course overview, and the answer key (for the teacher)",
    )
    printable.add_argument("destination", help="a new or empty folder, outside the course")
    printable.add_argument(
        "--force", action="store_true", help="update an earlier output (other files stay)"
    )
    hub = commands.add_parser(
        "hub-link", help="print the nbgitpuller link that gives each student a copy on a JupyterHub"
    )
    hub.add_argument("hub", help="the hub's address, like https://hub.example.edu")
    hub.add_argument(
        "repository",
        help="the repository holding the student version, like "
        "https://github.com/teacher/student-version",
    )
    hub.add_argument("--branch", default="main", help="the branch to pull (default: main)")
    binder = commands.add_parser(
        "binder-link", help="print the Binder link (and README badge) that opens lesson 00"
    )
    binder.add_argument("repository", help="the GitHub repository, like teacher/student-version")
    binder.add_argument("--branch", default="main", help="the branch to build (default: main)")
    commands.add_parser(
        "briefing",
        help="print the teacher's briefing (Markdown), as in TEACHER_BRIEFING.md: who wrote the "
        "texts, who published the reference data, what happened in between",
    )
    commands.add_parser(
        "guide", help="print the instructor guide (Markdown), as in INSTRUCTOR_GUIDE.md"
    )
    commands.add_parser(
        "data-dictionary", help="print the data dictionary (Markdown), as in data/README.md"
    )
    release = commands.add_parser(
        "release", help="write the student version of the course to a new folder"
    )
    release.add_argument("destination", help="a new or empty folder, outside the course")
    release.add_argument(
        "--self-study",
        action="store_true",
        help="keep solutions and notes, folded away, for learners on their own",
    )
    release.add_argument(
        "--force",
        action="store_true",
        help="update an earlier release in the same folder (my-work/, your own files and edited "
        "copies stay)",
    )
    release.add_argument(
        "--binder",
        metavar="OWNER/NAME",
        help="the GitHub repository the copy goes to: its README gets a Binder link",
    )
    release.add_argument(
        "--branch", default="main", help="with --binder: the branch Binder builds (default: main)"
    )
    release.add_argument(
        "--with-texts",
        action="store_true",
        help="with --force: put the texts back into a release that left them out",
    )
    release.add_argument(
        "--without-texts",
        action="store_true",
        help="leave the two text files out (a public repository then does not republish them); "
        "the lessons read them from the folder named by COURSE_TEXTS",
    )
    kernel = commands.add_parser(
        "kernel",
        help="install the course's own kernel beside a hub's (run it with the Python of the "
        "course's environment)",
    )
    place = kernel.add_mutually_exclusive_group()
    place.add_argument(
        "--prefix",
        metavar="FOLDER",
        help="the environment the hub's JupyterLab runs in, like /opt/tljh/user",
    )
    place.add_argument(
        "--sys-prefix", action="store_true", help="this environment (a laptop, Binder)"
    )
    place.add_argument("--user", action="store_true", help="your own Jupyter folder only")
    kernel.add_argument(
        "--texts",
        metavar="FOLDER",
        help="a folder holding the two text files, for a copy released --without-texts",
    )
    kernel.add_argument(
        "--remove", action="store_true", help="remove the kernel this command installed"
    )
    collect = commands.add_parser(
        "collect",
        help="read the class's journals and hand-ins; write a class report (HTML) and a CSV",
    )
    collect.add_argument(
        "paths",
        nargs="+",
        metavar="SOURCE... DEST",
        help="the folders or files to read (hand-ins, or a hub's home folders), then the folder "
        "for the report",
    )
    collect.add_argument(
        "--anonymous", action="store_true", help="show stable pseudonyms instead of names"
    )
    collect.add_argument(
        "--force", action="store_true", help="update an earlier report in the same folder"
    )
    args = parser.parse_args(argv)
    try:
        if args.command == "lessons":
            from course.authoring.lesson_format import lesson_table

            print(lesson_table())
        elif args.command == "sentences":
            from course.text.viewers import sentences_table

            table = sentences_table().frame
            print(
                table.to_csv(index=False, lineterminator="\n")
                if args.csv
                else table.to_string(index=False),
                end="" if args.csv else "\n",
            )
        elif args.command == "log":
            from course.text.viewers import cleaning_log

            _print(cleaning_log(args.name).frame, args.csv)
        elif args.command == "statistics":
            from course.analysis.statistics import statistics_table

            _print(statistics_table().frame, args.csv)
        elif args.command == "site":
            from course.authoring.site import build_site

            made = build_site(args.destination, force=args.force)
            _say(
                f"Wrote {len(made.pages)} pages to {made.pages[0].parent}; open index.html in a "
                "browser.",
                made.kept,
            )
        elif args.command == "printables":
            from course.authoring.printables import printables

            printed = printables(args.destination, force=args.force)
            _say(
                f"Wrote {len(printed.pages)} pages to {printed.folder}: open one in a browser and "
                "print it (or save it as PDF). answer-key.html is for you only.",
                printed.kept,
            )
        elif args.command == "hub-link":
            from course.authoring.links import nbgitpuller_link

            print(nbgitpuller_link(args.hub, args.repository, args.branch))
        elif args.command == "binder-link":
            from course.authoring.links import binder_link

            link = binder_link(args.repository, args.branch)
            print(
                f"{link}\n\nFor a README: [![Launch on "
                f"Binder](https://mybinder.org/badge_logo.svg)]({link})"
            )
        elif args.command == "data-dictionary":
            from course.authoring.data_dictionary import data_dictionary

            print(data_dictionary(), end="")
        elif args.command == "briefing":
            from course.authoring.briefing import teacher_briefing

            print(teacher_briefing(), end="")
        elif args.command == "guide":
            from course.authoring.guide import instructor_guide

            print(instructor_guide(), end="")
        elif args.command == "collect":
            from course.authoring.collect import collect as collect_class

            if len(args.paths) < 2:
                raise CourseError(
                    "Give the folders or files to read, then the folder for the report, like: "
                    "python -m course collect hand-ins/ class-report/"
                )
            print(collect_class(args.paths[:-1], args.paths[-1], args.anonymous, args.force))
        elif args.command == "kernel":
            from course.kernel import install_kernel, remove_kernel

            prefix = sys.prefix if args.sys_prefix else args.prefix
            if args.remove:
                print(f"Removed the course's kernel from {remove_kernel(prefix, user=args.user)}.")
            else:
                print(install_kernel(prefix, user=args.user, texts=args.texts))
        elif args.command == "release":
            from course.authoring.release import describe, release_settings
            from course.authoring.release import release as make_release

            mode = "self-study" if args.self_study else "student"
            before = release_settings(args.destination)
            texts = not args.without_texts
            # An update keeps the texts out of a release that left them out, unless asked: a
            # forgotten option must not publish them.
            kept_out = texts and not args.with_texts and before.get("texts") == "left out"
            texts = texts and not kept_out
            released = make_release(
                args.destination,
                mode,
                force=args.force,
                binder=args.binder,
                branch=args.branch,
                texts=texts,
            )
            _say(
                describe(released, before),
                "The texts stay left out, as in the earlier release (add --with-texts to put them "
                "back)."
                if kept_out
                else "",
            )
        else:
            from course.analysis.fact_checks import check_table, show_tolerances

            table = check_table(args.source, args.status)
            if args.csv:
                _print(table.frame, True)
            else:
                _print_readably(table.frame)
                print("\nHow the statuses are given:\n" + show_tolerances())
    except ModuleNotFoundError as error:
        if not (error.name or "").startswith("course.authoring"):
            raise
        # The student version leaves the authoring tools out (they would print every answer).
        print(
            f"Error: '{args.command}' is for instructors and is not part of the student version "
            "of the course.",
            file=sys.stderr,
        )
        return 2
    except CourseError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head` and cut short: not an error
        sys.stderr.close()
        return 0
    except (
        OSError
    ) as error:  # a full disk, a folder one may not write to: say so, without a traceback
        where = f" ({error.filename})" if getattr(error, "filename", None) else ""
        print(
            f"Error: {error.strerror or error}{where}. Nothing else was changed.", file=sys.stderr
        )
        return 2
    return 0


def _say(*parts: str) -> None:
    """Print a command's summary, then what an update kept (each part only if there is one)."""
    print("\n".join(part for part in parts if part))


def _print(frame, as_csv: bool) -> None:
    print(
        frame.to_csv(index=False, lineterminator="\n") if as_csv else frame.to_string(index=False),
        end="" if as_csv else "\n",
    )


def _print_readably(frame) -> None:
    """One block per row, wrapped to the terminal: long explanations do not fit a table's cells."""
    import textwrap

    for row in frame.to_dict("records"):
        print(f"{row['statistic_id']}  [{row['status']}]  “{row['quote']}”")
        for name in ("explanation", "references"):
            print(
                textwrap.fill(
                    f"{name.capitalize()}: {row[name] or 'none'}",
                    width=96,
                    initial_indent="    ",
                    subsequent_indent="      ",
                )
            )
        print()
    counts = frame["status"].value_counts()
    print(
        f"{len(frame)} statistics: "
        + ", ".join(
            f"{counts.get(s, 0)} {s}"
            for s in ("matches", "close", "differs", "unclear", "not checkable")
        )
    )


if __name__ == "__main__":
    sys.exit(main())
