"""Provides the Calendar screen (``screen``) and the post actions other screens reuse
(``actions``). Nothing is imported here: Today uses parts of this package and must not load
the whole Calendar screen before its first frame."""
