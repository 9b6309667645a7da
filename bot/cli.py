"""The ``backcoach`` command: run the bot, talk to it offline, ask it questions, migrate the database."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import NoReturn

from bot.coach.assist import KIT, LEVELS, Asker
from bot.settings import Settings, SettingsError, load_settings


class OneLineParser(argparse.ArgumentParser):
    """A wrong flag gets one line naming it (and exit status 2), not a usage screen."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"backcoach: {message}\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = OneLineParser(prog="backcoach", description="Back Coach, an upper-back training coach.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run the bot (polling by default)")
    run.add_argument("--webhook", action="store_true", help="receive updates through a webhook instead")
    commands.add_parser("chat", help="talk to the coach in this terminal; no token needed")
    ask = commands.add_parser("ask", help="answer one question, or one per line of standard input")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("--level", choices=LEVELS, help="answer as for a chat at this level")
    ask.add_argument("--equipment", choices=("gym", "home"), help="answer as for a chat training here")
    ask.add_argument("--kit", help=f"a home chat's kit: comma-separated {', '.join(KIT)} (or none)")
    ask.add_argument("question", nargs="*", help="the question (omit to read lines from stdin)")
    plan = commands.add_parser("plan", help="the sessions a new chat with these settings would get")
    plan.add_argument("--level", default="beginner", help="beginner, intermediate or advanced")
    plan.add_argument("--equipment", default="gym", help="gym or home")
    plan.add_argument("--kit", help=f"home kit, comma-separated: {', '.join(KIT)} (or none)")
    plan.add_argument("--sessions", type=int, default=12, help="how many sessions (1-500)")
    plan.add_argument("--per-week", type=int, help="sessions a week, which sets the block length (default 2)")
    plan.add_argument(
        "--days",
        help="the chat's training days as /schedule takes them (mon,thu) or a count (3): the sessions fall on"
        " them and the weekly target is their number, as the bot plans them",
    )
    plan.add_argument("--age", type=int, help="the age the chat told (60 or more: the plan adapted for it)")
    plan.add_argument("--content", type=Path, help="a content folder to preview instead of the shipped one")
    plan.add_argument("--json", action="store_true", help="one JSON object per session and line")
    db = commands.add_parser("db", help="database maintenance")
    db.add_argument("action", choices=["upgrade"], help="apply pending migrations")
    args = parser.parse_args(argv)

    if args.command == "plan":
        return _into_a_pipe(lambda: print_plan(args))
    if args.command == "ask":
        questions = [" ".join(args.question)] if args.question else (line.rstrip("\n") for line in sys.stdin)
        kit = [k.strip() for k in (args.kit or "").split(",") if k.strip() and k.strip() != "none"]
        bad = [k for k in kit if k not in KIT]
        if bad:
            print(f"backcoach ask: unknown kit {', '.join(bad)} (one of {', '.join(KIT)})", file=sys.stderr)
            return 2
        asker = Asker.from_values(args.level, args.equipment, None if args.kit is None else ",".join(kit))
        return _into_a_pipe(lambda: ask_questions(questions, as_json=args.json, asker=asker))
    try:
        config = load_settings()
        if args.command == "run":
            from bot.runner import run_bot

            return run_bot(config, webhook=args.webhook)
    except SettingsError as error:
        print(f"backcoach: {error}", file=sys.stderr)
        return 2
    if args.command == "chat":
        from bot.console import run_console

        return run_console(config)
    return migrate(config)


def _into_a_pipe(write: Callable[[], int]) -> int:
    """Run a command that prints, ending quietly when the reader goes away (``backcoach plan | head``)."""
    try:
        return write()
    except BrokenPipeError:
        # Python's own advice: point stdout at devnull, or the flush at exit fails once more.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def migrate(config: Settings) -> int:
    from storage.migrate import upgrade

    asyncio.run(upgrade(config.database_url))
    print("database is up to date")
    return 0


def print_plan(args: argparse.Namespace) -> int:
    from bot.coach import rules
    from bot.coach.content import ContentError
    from bot.coach.preview import (
        PlanArgumentError,
        as_json,
        as_text,
        days_from_flag,
        older_from_flag,
        profile_from_flags,
        sessions,
    )
    from scheduler.slots import parse_days

    if not 1 <= args.sessions <= 500:
        print(f"backcoach: --sessions must be 1 to 500, not {args.sessions}", file=sys.stderr)
        return 2
    try:
        catalog = rules.load_checked(args.content) if args.content else rules.shipped()
        days = days_from_flag(args.days, parse_days) if args.days is not None else frozenset()
        profile = profile_from_flags(catalog, args.level, args.equipment, args.kit, args.per_week, days)
        profile = older_from_flag(catalog, profile, args.age)
    except (ContentError, PlanArgumentError) as error:
        print(f"backcoach: {error}", file=sys.stderr)
        return 2
    try:
        for session in sessions(catalog, profile, args.sessions):
            if args.json:
                print(json.dumps(as_json(session), ensure_ascii=False))
            else:
                print(as_text(session), end="\n\n")
    except BrokenPipeError:
        # `backcoach plan | head` closed the pipe early: the reader has what it wanted.
        sys.stderr.close()
    return 0


def ask_questions(questions: Iterable[str], *, as_json: bool, asker: Asker | None = None) -> int:
    from bot.coach.answerer import Answerer, answer_json
    from bot.coach.knowledge import KnowledgeBase

    answerer = Answerer(KnowledgeBase.load())
    for question in questions:
        if not question.strip():
            continue
        answer = answerer.answer(question, asker)
        if as_json:
            print(json.dumps(answer_json(answer), ensure_ascii=False), flush=True)
        else:
            print(str(answer_json(answer)["answer"]), end="\n\n", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
