"""Problems with a file itself are named plainly: its encoding, and every character that only
looks like what TOML needs, each with its line and column, all in one pass."""

from __future__ import annotations

import shutil

import pytest

from game.packs.loader import check_pack
from game.packs.scaffold import write_scaffold

TEXT = '[[fields]]\nid = "bookselling"\nname = "Bookselling"\nblurb = "Shelves and café readings."\n'


@pytest.fixture
def pack(tmp_path):
    folder = tmp_path / "corner"
    write_scaffold(folder)
    shutil.rmtree(folder / "schemas")
    return folder


def _problems(pack, name="fields.toml"):
    _, problems = check_pack(pack)
    return [p for p in problems if p.file.endswith(name)]


@pytest.mark.parametrize("encoding, says", [
    ("utf-16", "UTF-16 text (little-endian, with a byte order mark)"),
    ("utf-16-le", "UTF-16 text (little-endian, without a byte order mark"),
    ("utf-16-be", "UTF-16 text (big-endian, without a byte order mark"),
])
def test_utf16_is_named_with_or_without_a_byte_order_mark(pack, encoding, says):
    (pack / "fields.toml").write_bytes(TEXT.encode(encoding))
    [problem] = _problems(pack)
    assert problem.code == "P102" and says in problem.message and "save it as UTF-8" in problem.message


def test_latin1_bytes_are_placed_by_line_and_column_and_named(pack):
    (pack / "fields.toml").write_bytes((TEXT + 'name2 = "Crème"\n').encode("cp1252"))
    problems = _problems(pack)
    first = problems[0]
    assert first.code == "P102" and first.line == 4
    assert "byte 0xE9 at line 4, column 25 ('é' in Windows-1252 or Latin-1)" in first.message
    assert "looks saved as Windows-1252 or Latin-1" in first.message
    assert [(p.line, "byte 0xE8 at line 5, column 12" in p.message) for p in problems[1:]] == [(5, True)]


def test_a_bom_is_still_accepted(pack):
    (pack / "fields.toml").write_bytes(b"\xef\xbb\xbf" + TEXT.encode())
    assert _problems(pack) == []


@pytest.mark.parametrize("written, line, says", [
    ('name = \u201cBookselling\u201d', 3, 'a curly quote \u201c at line 3, column 8, where TOML needs a straight "'),
    ("name\u00a0= \"Bookselling\"", 3, "a non-breaking space at line 3, column 5, where TOML needs a plain space"),
    ('name = "Bookselling"\nsort = \u20131', 4, "an en dash \u2013 at line 4, column 8, where TOML needs a minus sign -"),
    ('name \uff1d "Bookselling"', 3, "a full-width equals sign \uff1d at line 3, column 6, where TOML needs ="),
    ('name = "Bookselling" \u00e9', 3, "the character '\u00e9' (latin small letter e with acute) at line 3, column 22"),
])
def test_a_lookalike_character_is_named_with_its_line_and_column(pack, written, line, says):
    (pack / "fields.toml").write_text(TEXT.replace('name = "Bookselling"', written), encoding="utf-8")
    problems = _problems(pack)
    assert problems and problems[0].code == "P101" and problems[0].line == line
    assert says in problems[0].message, problems[0].message


def test_lookalikes_inside_strings_and_comments_are_fine(pack):
    (pack / "fields.toml").write_text(TEXT.replace("Shelves", "\u201cShelves\u201d\u00a0\u2013") + "# caf\u00e9 \u201c\n",
                                      encoding="utf-8")
    assert _problems(pack) == []


def test_every_lookalike_in_a_file_is_reported_at_once(pack):
    (pack / "fields.toml").write_text(
        '[[fields]]\nid = \u201cbookselling\u201d\nname\u00a0= "Bookselling"\nblurb = \u2018Shelves\u2019\n',
        encoding="utf-8")
    problems = _problems(pack)
    assert [(p.line, p.message.split(" at line")[0]) for p in problems] == [
        (2, "a curly quote \u201c"), (2, "a curly quote \u201d"), (3, "a non-breaking space"),
        (4, "a curly quote \u2018"), (4, "a curly quote \u2019")]


def test_problems_in_several_files_come_in_one_pass(pack):
    (pack / "fields.toml").write_bytes(TEXT.encode("utf-16"))
    (pack / "companies.toml").write_text((pack / "companies.toml").read_text().replace('"Corner Books"',
                                                                                        "\u201cCorner Books\u201d"))
    people = (pack / "people.toml").read_text().replace("follow_through = 0.85", "folow_through = 0.85")
    (pack / "people.toml").write_text(people)
    _, problems = check_pack(pack)
    files = {p.file.rsplit("/", 1)[1] for p in problems}
    assert {"fields.toml", "companies.toml", "people.toml"} <= files
    assert "Traceback" not in "".join(p.message for p in problems)
