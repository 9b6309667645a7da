"""Keyboards as the Bot API takes them, built once per distinct layout."""

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import callbacks, keyboards


def test_markup_is_ptbs_serialization_and_shared_per_layout() -> None:
    rows = [[("✅ Done", callbacks.pack("done"))], [("A", "1:a"), ("B", "1:b")]]
    expected = InlineKeyboardMarkup(
        [[InlineKeyboardButton(text, callback_data=data) for text, data in row] for row in rows]
    ).to_dict()
    first = keyboards.markup(rows)
    assert first == expected
    assert keyboards.markup([list(row) for row in rows]) is first, "same layout, same object"
    assert keyboards.markup([[("✅ Done", callbacks.pack("done"))]]) != first
    assert keyboards.markup([]) is None and keyboards.markup(None) is None, "no rows, no keyboard"
