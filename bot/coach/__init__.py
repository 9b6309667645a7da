"""Pure coaching logic and content loading: no Telegram, no database.

Everything here is plain functions over plain data so handlers, the scheduler and the offline
console share one implementation and tests exercise it directly.
"""
