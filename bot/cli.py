"""The ``backcoach`` command: run the bot, talk to it offline, ask it questions, migrate the database."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Iterable, Sequence

from bot.settings import Settings, SettingsError, load_settings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="backcoach", description="Back Coach, an upper-back training coach."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run the bot (polling by default)")
    run.add_argument("--webhook", action="store_true", help="receive updates through a webhook instead")
    commands.add_parser("chat", help="talk to the coach in this terminal; no token needed")
    ask = commands.add_parser("ask", help="answer one question, or one per line of standard input")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("question", nargs="*", help="the question (omit to read lines from stdin)")
    db = commands.add_parser("db", help="database maintenance")
    db.add_argument("action", choices=["upgrade"], help="apply pending migrations")
    args = parser.parse_args(argv)

    if args.command == "ask":
        questions = [" ".join(args.question)] if args.question else (line.rstrip("\n") for line in sys.stdin)
        return ask_questions(questions, as_json=args.json)
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


def migrate(config: Settings) -> int:
    from storage.migrate import upgrade

    asyncio.run(upgrade(config.database_url))
    print("database is up to date")
    return 0


def ask_questions(questions: Iterable[str], *, as_json: bool) -> int:
    from bot.coach.answerer import Answerer, answer_json
    from bot.coach.knowledge import KnowledgeBase

    answerer = Answerer(KnowledgeBase.load())
    for question in questions:
        if not question.strip():
            continue
        answer = answerer.answer(question)
        if as_json:
            print(json.dumps(answer_json(answer), ensure_ascii=False), flush=True)
        else:
            print(str(answer_json(answer)["answer"]), end="\n\n", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
