"""Cross-document deduplication: what merges, what never merges, and the config."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventlens.store.dedup import DedupConfig, DedupConfigError, cluster, mention_from_record, score

CONFIG = DedupConfig.load()


def mentions(*events):
    return [mention_from_record(e.to_dict(), CONFIG) for e in events]


def merged(a, b) -> bool:
    groups = cluster(mentions(a, b), CONFIG)
    return len(groups) == 1


def test_same_event_reported_differently_merges(make_event):
    a = make_event("a", actor=("jnim",), recipient=("mali-army",), place="boni")
    b = make_event(
        "b", actor=("militants",), recipient=("mali-army",), place="boni", day=date(2021, 3, 8)
    )
    assert merged(a, b)


def test_unknown_place_and_publication_date_still_merge(make_event):
    a = make_event("a", place="boni")
    b = make_event("b", place=None, basis="publication", day=date(2021, 3, 9))
    assert merged(a, b)


def test_different_type_never_merges(make_event):
    a = make_event("a", event_type="ASSAULT")
    b = make_event("b", event_type="COERCE")
    assert score(*mentions(a, b), CONFIG) is None


def test_different_dyad_never_merges(make_event):
    a = make_event("a", recipient=("mali-army",))
    b = make_event("b", recipient=("niger-army",))
    assert score(*mentions(a, b), CONFIG) is None
    assert not merged(a, b)


def test_reversed_roles_are_a_different_dyad(make_event):
    a = make_event("a", event_type="SANCTION", actor=("ecowas",), recipient=("mali-gov",))
    b = make_event("b", event_type="SANCTION", actor=("mali-gov",), recipient=("ecowas",))
    assert not merged(a, b)


def test_symmetric_types_compare_participants_as_a_set(make_event):
    a = make_event(
        "a", event_type="AGREE", actor=("mali-gov", "russia"), recipient=(), place="bamako"
    )
    b = make_event(
        "b", event_type="AGREE", actor=("mali-gov",), recipient=("russia",), place="bamako"
    )
    assert merged(a, b)


def test_sector_conflict_on_same_country_never_merges(make_event):
    a = make_event("a", actor=("mali-army",), recipient=("civilians",))
    b = make_event("b", actor=("mali-gov",), recipient=("civilians",))
    assert score(*mentions(a, b), CONFIG) is None


def test_interchangeable_armed_group_sectors_merge(make_event):
    a = make_event("a", actor=("militants",), recipient=("mali-army",))
    b = make_event("b", actor=("gunmen",), recipient=("mali-army",))
    assert merged(a, b)


def test_unresolved_text_identifies_nobody(make_event):
    a = make_event("a", actor=("jnim",), recipient=("mali-army",))
    b = make_event("b", actor=("militants",), recipient=("their-convoy",))
    assert score(*mentions(a, b), CONFIG) is not None


def test_added_actor_still_same_dyad(make_event):
    a = make_event("a", actor=("jnim",), recipient=("mali-army",))
    b = make_event("b", actor=("jnim",), recipient=("mali-army", "civilians"))
    assert merged(a, b)


def test_dates_outside_window_do_not_merge(make_event):
    a = make_event("a", day=date(2021, 3, 7))
    b = make_event("b", day=date(2021, 3, 12))
    assert not merged(a, b)


def test_month_precision_covers_its_days(make_event):
    a = make_event("a", day=date(2021, 3, 20))
    b = make_event("b", day=date(2021, 3, 1), precision="month")
    assert merged(a, b)


def test_far_apart_places_do_not_merge(make_event):
    a = make_event("a", place="boni")
    b = make_event("b", place="gao")
    assert not merged(a, b)


def test_nearby_place_and_country_level_place_are_compatible(make_event):
    assert merged(make_event("a", place="boni"), make_event("b", place="hombori"))
    assert merged(make_event("a", place="boni"), make_event("b", place="mali"))


def test_modalities_never_merge(make_event):
    a = make_event("a", modality="asserted")
    b = make_event("b", modality="negated")
    assert not merged(a, b)


def test_conflicting_modes_never_merge(make_event):
    a = make_event("a", event_type="COERCE", mode="arrest")
    b = make_event("b", event_type="COERCE", mode="seize")
    assert not merged(a, b)


def test_too_little_evidence_does_not_merge(make_event):
    a = make_event("a", actor=("militants",), recipient=(), place=None)
    b = make_event("b", actor=("militants",), recipient=(), place=None)
    assert not merged(a, b)


def test_undated_mentions_stay_alone(make_event):
    a = make_event("a", day=None)
    b = make_event("b", day=None)
    assert not merged(a, b)


def test_a_mention_must_fit_every_member_of_a_cluster(make_event):
    generic = make_event("a", actor=("militants",), recipient=("mali-army",))
    jnim = make_event("b", actor=("jnim",), recipient=("mali-army",))
    other_group = make_event("c", actor=("niger-army",), recipient=("mali-army",))
    groups = cluster(mentions(generic, jnim, other_group), CONFIG)
    assert sorted(len(g) for g in groups) == [1, 2]


def test_threshold_from_config_decides(make_event):
    a = make_event("a", actor=("militants",), recipient=("mali-army",), place=None)
    b = make_event(
        "b", actor=("militants",), recipient=("mali-army",), place=None, basis="publication"
    )
    value = score(*mentions(a, b), CONFIG)
    strict = DedupConfig.load(threshold=value + 0.01)
    loose = DedupConfig.load(threshold=value)
    assert len(cluster(mentions(a, b), strict)) == 2
    assert len(cluster(mentions(a, b), loose)) == 1


def test_representative_is_the_most_complete_mention(make_event):
    vague = make_event("a", place=None, basis="publication", confidence=0.9)
    precise = make_event("b", place="boni", confidence=0.6)
    [group] = cluster(mentions(vague, precise), CONFIG)
    assert group[0].doc_id == "b"


def test_bad_config_names_file_and_key(tmp_path: Path):
    path = tmp_path / "dedup.yaml"
    path.write_text("threshold: 0.7\nwindow_days: {day: 1}\n", encoding="utf-8")
    with pytest.raises(DedupConfigError, match="dedup.yaml"):
        DedupConfig.load(path)


def test_many_mentions_cluster_by_day(make_event):
    events = [
        make_event(f"d{i}", day=date(2021, 1, 1 + i % 28), offset=i, recipient=("mali-army",))
        for i in range(300)
    ]
    groups = cluster(mentions(*events), CONFIG)
    assert len(groups) < 300
    assert all(len({m.start for m in g}) <= 3 for g in groups)
