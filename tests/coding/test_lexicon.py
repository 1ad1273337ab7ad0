"""The trigger lexicon: loading, merging the per-type files, validation errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from eventlens.coding.lexicon import (
    LexiconError,
    build_lexicon,
    load_lexicon,
    read_lexicon,
    read_lexicon_files,
)
from eventlens.data_files import load_yaml

PLOVER_TYPES = sorted(load_yaml("plover.yaml")["types"])


def test_the_shipped_lexicon_covers_every_plover_type_with_hundreds_of_entries() -> None:
    lexicon = load_lexicon("en")
    types = {entry.type for group in lexicon.entries.values() for entry in group}
    assert sorted(types) == PLOVER_TYPES
    assert len(lexicon) >= 400
    assert lexicon.light_verbs["launch"] == "actor"
    assert "on" in lexicon.recipient_preps and "say" in lexicon.reporting_verbs


def test_lookup_tries_more_specific_entries_first() -> None:
    strikes = load_lexicon("en").lookup("noun", "strike")
    assert strikes[0].specificity >= strikes[-1].specificity
    assert strikes[-1].specificity == 0


def _write(folder: Path, name: str, spec: object) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    return path


def test_entry_files_are_merged_with_the_shared_file(tmp_path: Path) -> None:
    main = _write(tmp_path, "triggers.yaml", {"light_verbs": {"stage": "actor"}})
    _write(tmp_path, "triggers/a.yaml", {"verbs": [{"lemma": "ambush", "type": "ASSAULT"}]})
    _write(tmp_path, "triggers/b.yaml", {"nouns": [{"lemma": "truce", "type": "RETREAT"}]})
    lexicon = read_lexicon_files(main)
    assert [e.type for e in lexicon.lookup("verb", "ambush")] == ["ASSAULT"]
    assert [e.mode for e in lexicon.lookup("noun", "truce")] == [None]
    assert lexicon.light_verbs == {"stage": "actor"}


def test_an_error_in_an_entry_file_names_the_file_and_the_entry(tmp_path: Path) -> None:
    main = _write(tmp_path, "triggers.yaml", {})
    spec = {"verbs": [{"lemma": "ambush", "type": "ASSAULT"}, {"lemma": "raid", "type": "RAID"}]}
    _write(tmp_path, "triggers/assault.yaml", spec)
    with pytest.raises(LexiconError) as error:
        read_lexicon_files(main)
    message = str(error.value)
    assert "triggers/assault.yaml verbs[2]" in message and "'raid'" in message
    assert "unknown PLOVER type 'RAID'" in message


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ({"lemma": "kill"}, "needs at least 'lemma' and 'type'"),
        ({"lemma": "kill", "type": "ASSAULT", "mode": "bazooka"}, "has no mode 'bazooka'"),
        ({"lemma": "kill", "type": "ASSAULT", "colour": "red"}, "unknown field(s) ['colour']"),
        ({"lemma": "kill", "type": "ASSAULT", "context": ["war"]}, "unknown PLOVER context"),
        ({"lemma": "kill", "type": "ASSAULT", "objects": "man"}, "expected a list of words"),
        ({"lemma": "kill", "type": "ASSAULT", "confidence": 2}, "confidence must be"),
        ({"lemma": "kill", "type": "ASSAULT", "object": "victim"}, "object must be one of"),
        ({"lemma": "kill", "type": "ASSAULT", "verbs": ["carry"]}, "only noun entries"),
        ({"lemma": "fire", "type": "ASSAULT", "needs": [True]}, "holds a boolean"),
        ({"lemma": "cut", "type": "SANCTION", "particle": False}, "quote them"),
        ({"lemma": "hit", "type": "ASSAULT", "object_types": ["TOWN"]}, "object_types must be"),
        (
            {"lemma": "hit", "type": "ASSAULT", "objects": ["base"], "object_types": ["GPE"]},
            "either objects or object_types",
        ),
    ],
)
def test_malformed_entries_are_rejected_with_a_clear_message(entry: dict, expected: str) -> None:
    with pytest.raises(LexiconError) as error:
        build_lexicon({"verbs": [entry]}, "mine.yaml")
    assert str(error.value).startswith("mine.yaml verbs[1]")
    assert expected in str(error.value)


def test_an_unquoted_yaml_boolean_is_caught(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("verbs:\n  - {lemma: fire, type: ASSAULT, needs: [on, at]}\n", "utf-8")
    with pytest.raises(LexiconError, match=r"bad.yaml verbs\[1\] \(lemma 'fire'\).*boolean"):
        read_lexicon(path)


def test_file_level_errors_name_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("verbs: [\n", "utf-8")
    with pytest.raises(LexiconError, match="broken.yaml: not valid YAML"):
        read_lexicon(broken)
    with pytest.raises(LexiconError, match=r"x.yaml: unknown section\(s\) \['adverbs'\]"):
        build_lexicon({"adverbs": []}, "x.yaml")
    with pytest.raises(LexiconError, match="x.yaml mode_cues ASSAULT"):
        build_lexicon({"mode_cues": {"ASSAULT": [{"mode": "drone"}]}}, "x.yaml")


def test_a_light_verb_given_two_roles_in_two_files_is_an_error(tmp_path: Path) -> None:
    main = _write(tmp_path, "triggers.yaml", {"light_verbs": {"face": "recipient"}})
    _write(tmp_path, "triggers/z.yaml", {"light_verbs": {"face": "actor"}})
    with pytest.raises(LexiconError, match="triggers/z.yaml light_verbs: 'face'"):
        read_lexicon_files(main)


def test_rule_names_identify_the_entry() -> None:
    lexicon = build_lexicon(
        {
            "verbs": [
                {"lemma": "pull", "particle": "out", "type": "RETREAT"},
                {"lemma": "impose", "objects": ["sanction", "embargo"], "type": "SANCTION"},
            ],
            "nouns": [{"lemma": "fire", "verbs": ["open"], "type": "ASSAULT"}],
        },
        "t.yaml",
    )
    rules = [e.rule for group in lexicon.entries.values() for e in group]
    assert rules == ["verb:pull+out", "verb:impose+sanction|embargo", "noun:fire+open"]
