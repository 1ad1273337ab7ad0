from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from eventlens.ingest.readers import InputProblem, read_inputs
from eventlens.record import Document


def _split(items):
    docs = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if isinstance(i, InputProblem)]
    return docs, problems


def test_text_file_gets_pub_date_and_id(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Rebels attacked the town of Kidal on Monday, officials said.\n")
    docs, problems = _split(list(read_inputs([str(path)], date(2023, 5, 2))))
    assert problems == []
    assert docs[0].id == "story" and docs[0].pub_date == date(2023, 5, 2)


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(
            {"id": "a", "text": "Soldiers arrested two journalists in Gao.", "date": "2023-01-04"}
        ),
        "{not json",
        json.dumps({"id": "c", "date": "2023-01-04"}),
        json.dumps({"id": "d", "text": "Police dispersed a march in Niamey.", "date": "yesterday"}),
        json.dumps(["a", "list"]),
        json.dumps(
            {
                "id": "f",
                "text": "The army shelled rebel positions near Menaka.",
                "date": "2023-01-05",
            }
        ),
    ]
    path.write_text("\n".join(lines) + "\n")
    docs, problems = _split(list(read_inputs([str(path)])))
    assert [d.id for d in docs] == ["a", "f"]
    assert [p.line for p in problems] == [2, 3, 4, 5]
    assert all(str(path) in str(p) for p in problems)
    assert "malformed JSON" in str(problems[0])
    assert '"text"' in str(problems[1])
    assert '"date"' in str(problems[2])


def test_binary_empty_and_undecodable_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(b"\x89PNG\x00\x00\x01binary")
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "latin.txt").write_bytes("Le pr\xe9sident a d\xe9missionn\xe9.".encode("latin-1"))
    (tmp_path / "ok.txt").write_text(
        "Protesters marched through Bamako on Friday to demand change."
    )
    docs, problems = _split(list(read_inputs([str(tmp_path)])))
    assert [d.id for d in docs] == ["ok"]
    messages = sorted(str(p) for p in problems)
    assert len(messages) == 3
    assert any("blob.txt" in m and "binary" in m for m in messages)
    assert any("empty.txt" in m and "empty" in m for m in messages)
    assert any("latin.txt" in m and "UTF-8" in m for m in messages)


def test_missing_path_is_a_problem() -> None:
    docs, problems = _split(list(read_inputs(["/no/such/file.txt"])))
    assert docs == [] and "no such file" in str(problems[0])


def test_html_reduced_to_main_text(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Clashes in the north</title>"
        '<meta property="article:published_time" content="2023-02-11"></head><body>'
        "<nav>Home | World | Sport</nav><article><h1>Clashes in the north</h1>"
        "<p>Government troops clashed with armed men near the town of Ansongo on Thursday, "
        "according to local officials who spoke to reporters by telephone.</p>"
        "<p>Residents said the fighting lasted several hours and that many families fled "
        "towards the river before the army regained control of the main road.</p>"
        "</article><footer>Copyright 2023 Example News. All rights reserved.</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html)
    docs, problems = _split(list(read_inputs([str(path)])))
    assert problems == []
    assert "Ansongo" in docs[0].text and "Home | World" not in docs[0].text
    assert "Copyright" not in docs[0].text
    assert docs[0].pub_date == date(2023, 2, 11)


def test_language_is_detected_and_unsupported_languages_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text(
        "The army said its soldiers had repelled an attack on their base near the border."
    )
    (tmp_path / "fr.txt").write_text(
        "L'armée a affirmé que ses soldats avaient repoussé une attaque contre leur base près de la frontière."
    )
    docs, problems = _split(list(read_inputs([str(tmp_path)])))
    assert [(d.id, d.lang) for d in docs] == [("en", "en")]
    assert len(problems) == 1 and "fr.txt" in str(problems[0]) and "'fr'" in str(problems[0])


def test_jsonl_lang_field_is_trusted(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"id": "x", "text": "Rebels seized two towns.", "lang": "en"}) + "\n"
    )
    docs, problems = _split(list(read_inputs([str(path)])))
    assert problems == [] and docs[0].lang == "en"
