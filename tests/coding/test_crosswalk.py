"""PLOVER -> ACLED and PLOVER -> CAMEO crosswalks (data files under data/crosswalks/)."""

import pytest

from eventlens.coding.crosswalk import (
    ACLED_TYPES,
    CrosswalkError,
    acled_for_event,
    acled_rules,
    cameo_rows,
    parse_acled_rule,
    to_acled,
    to_cameo,
)
from eventlens.data_files import load_yaml
from eventlens.record import Actor, Event


def test_every_acled_sub_event_type_is_reachable():
    reachable = {(r.event_type, r.sub_event_type) for r in acled_rules()}
    wanted = {(t, s) for t, subs in ACLED_TYPES.items() for s in subs}
    assert len(wanted) == 25
    assert wanted <= reachable


@pytest.mark.parametrize(
    ("mode", "actors", "recipients", "sentence", "expected"),
    [
        (None, ["REB"], ["MIL"], "", ("Battles", "Armed clash")),
        (None, ["UAF"], ["CVL"], "", ("Violence against civilians", "Attack")),
        (
            "firearms",
            ["COP"],
            ["CVL"],
            "Police shot at demonstrators.",
            ("Protests", "Excessive force against protesters"),
        ),
        ("crowd-control", ["COP"], [], "", ("Protests", "Protest with intervention")),
        (None, ["CVL"], ["CVL"], "A mob lynched a thief.", ("Riots", "Mob violence")),
        ("aerial", ["MIL"], ["REB"], "", ("Explosions/Remote violence", "Air/drone strike")),
        (
            "explosives",
            [],
            [],
            "A grenade was thrown at a bar.",
            ("Explosions/Remote violence", "Grenade"),
        ),
        (
            "explosives",
            [],
            [],
            "A roadside bomb exploded.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            "abduct",
            ["REB"],
            ["CVL"],
            "",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        ("destroy", ["REB"], [], "", ("Strategic developments", "Looting/property destruction")),
        (None, [], [], "", ("Battles", "Armed clash")),
        (None, ["REB"], [None], "", ("Violence against civilians", "Attack")),
        (None, ["REB"], [None, "MIL"], "", ("Battles", "Armed clash")),
        (
            None,
            [],
            ["MIL"],
            "An IED hit a patrol.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            None,
            ["MIL"],
            ["REB"],
            "Helicopters struck the camp.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
    ],
)
def test_assault_depends_on_mode_sectors_and_words(mode, actors, recipients, sentence, expected):
    got = to_acled(
        "ASSAULT", mode, actor_sectors=actors, recipient_sectors=recipients, sentence=sentence
    )
    assert got == expected


def test_arrests_by_armed_groups_are_abductions():
    assert to_acled("COERCE", "arrest", actor_sectors=["COP"]) == (
        "Strategic developments",
        "Arrests",
    )
    assert (
        to_acled("COERCE", "arrest", actor_sectors=["REB"])[1] == "Abduction/forced disappearance"
    )


def test_territory_seizures_depend_on_who_seizes():
    fought = {"context": ["territory"], "sentence": "They took the town after heavy fighting."}
    army = to_acled("COERCE", "seize", actor_sectors=["MIL"], **fought)
    rebels = to_acled("COERCE", "seize", actor_sectors=["REB"], **fought)
    assert army == ("Battles", "Government regains territory")
    assert rebels == ("Battles", "Non-state actor overtakes territory")


def test_types_without_acled_counterpart():
    assert to_acled("CONSULT", "visit") == (None, None)
    assert to_acled("REQUEST", None) == (None, None)


def test_acled_for_event_uses_actor_sectors():
    event = Event(
        doc_id="d",
        event_type="ASSAULT",
        sentence="Jihadists attacked a village.",
        span=(0, 29),
        trigger="attacked",
        rule="verb:attack",
        actor=[Actor(text="Jihadists", sector="REB")],
        recipient=[Actor(text="a village", sector="CVL")],
    )
    assert acled_for_event(event) == ("Violence against civilians", "Attack")


def test_a_state_named_alone_is_no_unresolved_protester():
    sentence = "Niger rejected the plan while rallies filled the streets of the capital."
    event = Event(
        doc_id="d",
        event_type="REJECT",
        sentence=sentence,
        span=(0, len(sentence)),
        trigger="rejected",
        rule="verb:reject",
        actor=[Actor(text="Niger", code="NER", country="NER")],
    )
    assert acled_for_event(event)[0] != "Protests"
    event.actor = [Actor(text="Residents")]
    assert acled_for_event(event) == ("Protests", "Peaceful protest")


def test_bad_rows_name_the_file_and_row():
    row = {
        "plover_type": "ASSAULT",
        "plover_mode": "*",
        "context": "*",
        "actor": "ARMY",
        "recipient": "*",
        "words": "*",
        "acled_event_type": "Battles",
        "acled_sub_event_type": "Armed clash",
    }
    with pytest.raises(CrosswalkError, match="x.tsv row 3: unknown sector or sector group 'ARMY'"):
        parse_acled_rule(row, "x.tsv row 3")
    with pytest.raises(CrosswalkError, match="is not an ACLED 'Battles' type"):
        parse_acled_rule({**row, "actor": "*", "acled_sub_event_type": "Attack"}, "x.tsv row 3")
    with pytest.raises(CrosswalkError, match="no mode 'laser'"):
        parse_acled_rule({**row, "actor": "*", "plover_mode": "laser"}, "x.tsv row 3")


def test_every_plover_type_has_a_cameo_code():
    types = load_yaml("plover.yaml")["types"]
    assert all(to_cameo(t, None) is not None for t in types)
    assert {row.code.pentaclass for row in cameo_rows()} == {0, 1, 2, 3, 4}


def test_cameo_codes_follow_mode():
    assert to_cameo("ASSAULT", "aerial").code == "195"
    assert to_cameo("ASSAULT", "beat").root == "18"
    assert to_cameo("REQUEST", "change").pentaclass == 0  # an appeal (CAMEO 02)
    assert to_cameo("SANCTION", "discontinue").pentaclass == 3  # reduce relations (16)
    assert to_cameo("AGREE", None).pentaclass == 1
    assert to_cameo("PROTEST", "riot").code == "145"


def test_cameo_tells_demands_from_appeals_by_rule():
    assert to_cameo("REQUEST", "yield", "verb:demand").code == "100"  # demand: conflict
    assert to_cameo("REQUEST", None, "verb:say+must").pentaclass == 3
    assert to_cameo("REQUEST", "yield", "verb:urge").code == "025"  # appeal: statement
    assert to_cameo("REQUEST", None, "verb:demandingly").pentaclass == 0
