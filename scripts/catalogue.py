"""Keeps the translations in step with the code, with Babel: extract the messages, update
each language's ``.po`` and compile its ``.mo``.

    python scripts/catalogue.py            # extract, update every .po, compile every .mo
    python scripts/catalogue.py --check    # report what is untranslated or out of date

A new message reaches a ``.po`` untranslated (an empty ``msgstr``); until it is translated
the app shows it in English, and ``--check`` (run by the test suite) names it. The ``.mo``
files are committed, so an install needs no Babel; the check also fails when one is older
than its ``.po``.
"""

from __future__ import annotations

import argparse
import ast
import inspect
import io
import string
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir, extract_python
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "smtui"
LOCALE = PACKAGE / "locale"
DOMAIN = "smtui"
KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "NC_": ((1, "c"), 2),
}


def extract_audit_template(
    fileobj: BinaryIO, keywords: object, comment_tags: object, options: object
) -> Iterator[tuple[int, str, str, list[str]]]:
    """The audit template's section titles and item texts: data, not code, but shown to
    the user (translated when shown, like a ``N_`` label)."""
    for lineno, line in enumerate(fileobj.read().decode("utf-8").splitlines(), start=1):
        if line.startswith(("title = ", "text = ")):
            value = tomllib.loads(line)
            yield lineno, "N_", next(iter(value.values())), []


def _is_command(decorator: ast.expr) -> bool:
    """``@click.command(...)``, ``@cli.group()``, ``@db.command`` and the like."""
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return isinstance(target, ast.Attribute) and target.attr in {"command", "group"}


def extract_python_and_commands(
    fileobj: BinaryIO, keywords: object, comment_tags: object, options: object
) -> Iterator[tuple[int, str, str | tuple[str, ...], list[str]]]:
    """What the code marks, and the docstrings of its click commands and groups: click
    shows a command's docstring as its help (translated when shown, see ``SmtuiCommand``),
    looked up as :func:`smtui.commands.common.help_message` cleans it (repeated here, as
    this script imports nothing of smtui)."""
    yield from extract_python(fileobj, keywords, comment_tags, options)
    fileobj.seek(0)
    for node in ast.walk(ast.parse(fileobj.read())):
        if isinstance(node, ast.FunctionDef) and any(map(_is_command, node.decorator_list)):
            docstring = ast.get_docstring(node, clean=False)
            if docstring:
                yield node.lineno, "N_", inspect.cleandoc(docstring).partition("\f")[0], []


def template() -> Catalog:
    """Every message the code marks, with where it is used."""
    catalog = Catalog(project="smtui", msgid_bugs_address="", charset="utf-8")
    methods = [
        ("**.py", extract_python_and_commands),
        ("**/audit_template.toml", extract_audit_template),
    ]
    found = extract_from_dir(str(PACKAGE), method_map=methods, keywords=KEYWORDS, comment_tags=())
    for filename, lineno, message, _comments, context in found:
        path = f"smtui/{filename}"
        catalog.add(message, locations=[(path, lineno)], context=context)
    return catalog


def languages() -> list[str]:
    return sorted(folder.name for folder in LOCALE.iterdir() if (folder / "LC_MESSAGES").is_dir())


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(language: str) -> Catalog:
    with po_path(language).open("rb") as stream:
        return read_po(stream, locale=language, domain=DOMAIN)


def compiled(catalog: Catalog) -> bytes:
    stream = io.BytesIO()
    write_mo(stream, catalog, use_fuzzy=False)
    return stream.getvalue()


def fields(text: str) -> set[str]:
    """The names a message formats in (``{day:02d}`` is ``day``: a translation may drop a
    format spec, as French drops the day's leading zero, but not a value)."""
    names: set[str] = set()
    for _literal, name, _spec, _conversion in string.Formatter().parse(text):
        if name is not None:
            names.add(name)
    return names


def _forms(message: Message) -> Iterator[tuple[str, str]]:
    ids = message.id if isinstance(message.id, tuple) else (message.id,)
    texts = message.string if isinstance(message.string, tuple) else (message.string,)
    for index, text in enumerate(texts):
        yield ids[min(index, len(ids) - 1)], text


def _strings(catalog: Catalog) -> dict[object, object]:
    def frozen(value: object) -> object:  # a plural's forms come back as lists from a .mo
        return tuple(value) if isinstance(value, list) else value

    return {frozen(message.id): frozen(message.string) for message in catalog if message.id}


def _named(message: Message) -> str:
    return f"{message.id!r}" + (f" (context {message.context!r})" if message.context else "")


def problems(language: str) -> list[str]:
    """What keeps a language from being whole: messages missing, untranslated or fuzzy,
    translations that lose or invent a value, and a ``.mo`` that is not the ``.po``."""
    wanted = template()
    catalog = read(language)
    found: list[str] = []
    for message in wanted:
        if not message.id:
            continue
        ours = catalog.get(message.id, context=message.context)
        if ours is None:
            found.append(f"{language}: missing {_named(message)}")
        elif ours.fuzzy or not all(
            ours.string if isinstance(ours.string, tuple) else [ours.string]
        ):
            found.append(f"{language}: untranslated {_named(message)}")
        else:
            for source, text in _forms(ours):
                if fields(text) != fields(source):
                    found.append(f"{language}: {source!r} -> {text!r} changes its values")
    mo = po_path(language).with_suffix(".mo")
    if not mo.exists():
        found.append(f"{language}: {mo.name} is missing (run scripts/catalogue.py)")
    else:
        with mo.open("rb") as stream:
            shipped = read_mo(stream)
        expected = read_mo(io.BytesIO(compiled(catalog)))
        if _strings(shipped) != _strings(expected):
            found.append(f"{language}: {mo.name} is older than its .po (run scripts/catalogue.py)")
    return found


def update() -> None:
    wanted = template()
    with (LOCALE / f"{DOMAIN}.pot").open("wb") as stream:
        write_pot = Catalog(project="smtui", charset="utf-8")
        for message in wanted:
            if message.id:
                write_pot.add(message.id, locations=message.locations, context=message.context)
        write_po(stream, write_pot, width=100, omit_header=False, sort_by_file=True)
    for language in languages():
        catalog = read(language)
        catalog.update(wanted, no_fuzzy_matching=True)
        catalog.obsolete.clear()  # a message the code no longer uses is dropped
        with po_path(language).open("wb") as stream:
            write_po(stream, catalog, width=100, sort_by_file=True, include_previous=False)
        po_path(language).with_suffix(".mo").write_bytes(compiled(read(language)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="report, change nothing")
    arguments = parser.parse_args()
    if not arguments.check:
        update()
    found = [line for language in languages() for line in problems(language)]
    for line in found:
        print(line)
    return 1 if found and arguments.check else 0


if __name__ == "__main__":
    sys.exit(main())
