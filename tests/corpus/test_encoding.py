"""Articles that are not UTF-8: a confident Western encoding is decoded with a warning, the rest refused."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from generator.corpus.read import decode_bytes, read_article, read_corpus
from generator.errors import InputError

GERMAN = (
    "Die ukrainische Regierung meldete am Donnerstag, dass nordkoreanische Soldaten in der Region "
    "Kursk gesichtet worden seien. Außenminister Kuleba äußerte sich „besorgt“ über die Größe der "
    "Truppe – nach Angaben aus Kiew rund 12.000 Männer."
)


@pytest.fixture()
def warnings(caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> pytest.LogCaptureFixture:
    """caplog for generator.corpus.read, also after an in-process CLI run set up the "generator" logger."""
    monkeypatch.setattr(logging.getLogger("generator"), "propagate", True)
    caplog.set_level(logging.WARNING, logger="generator.corpus.read")
    return caplog


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1252", GERMAN),  # „“ and – exist only in cp1252
        ("latin-1", GERMAN.replace("„", '"').replace("“", '"').replace("–", "-")),
    ],
)
def test_western_german_text_is_detected_with_a_warning(
    tmp_path: Path, warnings: pytest.LogCaptureFixture, encoding: str, text: str
) -> None:
    path = tmp_path / "alt.txt"
    path.write_bytes(text.encode(encoding))
    article = read_article(path, max_bytes=100_000)
    assert article is not None and article.text == text
    assert f"{path}: not UTF-8; decoded as cp1252 (detected)" in warnings.text


def test_detected_article_is_read_even_with_strict(tmp_path: Path) -> None:
    (tmp_path / "alt.txt").write_bytes(GERMAN.encode("cp1252"))
    [article] = read_corpus(tmp_path, strict=True)
    assert "Größe" in article.text


@pytest.mark.parametrize(
    "data",
    [
        pytest.param("Grüße aus Kiew".encode("latin-1"), id="too-short-to-tell"),
        pytest.param(
            "Северокорейские солдаты замечены в Курской области, сообщило правительство.".encode("koi8_r"),
            id="cyrillic",
        ),
        pytest.param(
            "北朝鮮の兵士がクルスク地方で目撃された。政府は木曜日に発表した。".encode("shift_jis"),
            id="japanese",
        ),
        pytest.param(
            "Die Größe der Truppe ".encode()
            + "wurde in Kürze geschätzt, sagte der Sprecher.".encode("latin-1"),
            id="utf8-mixed-with-latin1",
        ),
        pytest.param(
            "Die Hilfe kostet 12 Millionen € - sagte der Minister am Montag in Brüssel über die Lage.".encode(
                "iso8859_15"
            ),
            id="ambiguous-euro-sign",
        ),
        pytest.param(bytes(range(1, 256)) * 4, id="noise"),
    ],
)
def test_undetectable_encoding_is_refused_naming_file_and_byte(data: bytes) -> None:
    with pytest.raises(
        InputError, match=r"^a\.txt: not valid UTF-8 \(byte 0x[0-9a-f]{2} at offset \d+\)"
    ) as exc:
        decode_bytes(data, "a.txt")
    assert "no other encoding recognised with confidence; save it as UTF-8" in str(exc.value)


def test_refused_article_is_skipped_unless_strict(tmp_path: Path) -> None:
    (tmp_path / "gut.txt").write_bytes(GERMAN.encode("cp1252"))
    (tmp_path / "kyrillisch.txt").write_bytes("Солдаты замечены в Курской области.".encode("koi8_r"))
    errors: list[InputError] = []
    assert [a.id for a in read_corpus(tmp_path, on_error=errors.append)] == ["gut"]
    assert [e.path for e in errors] == [str(tmp_path / "kyrillisch.txt")]
    with pytest.raises(InputError, match=r"kyrillisch\.txt: not valid UTF-8"):
        read_corpus(tmp_path, strict=True)
