"""Gold-set loaders on tiny files written for these tests (tests/evaluation/data/)."""

from datetime import date
from pathlib import Path

from eventlens.evaluation.loaders import (
    GoldItem,
    LoadProblem,
    load_acled_csv,
    load_cameo_jsonl,
    load_plover_gsr,
    load_reviews,
    stratified_sample,
)

DATA = Path(__file__).parent / "data"


def split(loaded):
    items = [x for x in loaded if isinstance(x, GoldItem)]
    problems = [x for x in loaded if isinstance(x, LoadProblem)]
    return items, problems


def test_acled_rows_and_problems():
    items, problems = split(list(load_acled_csv(DATA / "tiny_acled.csv")))
    assert [i.id for i in items] == ["TST1", "TST2", "TST3"]
    first = items[0]
    assert first.pub_date == date(2021, 3, 3) and first.labels["time_precision"] == 1
    assert first.labels["actor2"] == "Civilians (Chad)"
    assert items[1].labels["actor2"] == ""
    assert [str(p).split(": ", 1)[1] for p in problems] == [
        "empty notes",
        "Invalid isoformat string: 'not-a-date'",
    ]
    assert str(problems[0]).startswith(f"{DATA / 'tiny_acled.csv'}:5:")


def test_acled_crowd_size_tags_are_not_part_of_the_note(tmp_path):
    path = tmp_path / "sized.csv"
    path.write_text(
        "event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,notes\n"
        "S1,2021-05-04,Protests,Peaceful protest,Protesters (Chad),,"
        '"Nurses marched in Abeche.[size=hundreds] They sang."\n',
        encoding="utf-8",
    )
    [item] = list(load_acled_csv(path))
    assert item.text == "Nurses marched in Abeche. They sang."


def test_acled_missing_columns(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("id,notes\n1,Something happened.\n", encoding="utf-8")
    [problem] = list(load_acled_csv(path))
    assert "missing column(s) event_id_cnty, event_date" in str(problem)


def test_cameo_lines():
    items, problems = split(list(load_cameo_jsonl(DATA / "tiny_cameo.jsonl")))
    assert [i.labels["pentaclass"] for i in items] == [4, 0, None]
    assert items[2].labels["reciprocal"] == ["Chad and Niger"]
    assert [p.line for p in problems] == [4, 5]
    assert "bad JSON" in problems[0].message and "not 0-4" in problems[1].message


def test_plover_gsr_renames_old_types_and_cameo_codes():
    items, problems = split(list(load_plover_gsr(DATA / "tiny_plover.json")))
    assert [i.labels["event_type"] for i in items] == ["ASSAULT", "REQUEST"]
    assert items[0].labels["source"] == [("MLI", "MIL")]
    assert items[1].labels["target"] == []
    assert len(problems) == 1 and "needs 'text' and 'event'" in problems[0].message


def test_plover_gsr_not_json(tmp_path):
    path = tmp_path / "x.json"
    path.write_text("{oops", encoding="utf-8")
    [problem] = list(load_plover_gsr(path))
    assert "not a JSON array" in str(problem)


def test_reviews():
    items, problems = split(list(load_reviews(DATA / "tiny_reviews.jsonl")))
    assert [i.labels["verdict"] for i in items] == ["correct", "wrong", "corrected"]
    assert items[0].labels["actor"] == [("NER", "COP")]
    assert items[0].labels["recipient"] == [(None, "CVL")]
    assert items[0].labels["date"] == date(2021, 6, 11)
    assert items[2].labels["actor"] == [(None, "AGR")]
    assert len(problems) == 1 and "'verdict' must be one of" in problems[0].message


def test_stratified_sample_is_deterministic_and_proportional():
    items = [
        GoldItem(id=f"i{n}", text="t", pub_date=None, labels={"k": "A" if n < 80 else "B"})
        for n in range(100)
    ]
    sample = stratified_sample(items, 10, lambda i: i.labels["k"])
    assert len(sample) == 10
    assert sum(i.labels["k"] == "B" for i in sample) == 2
    assert sample == stratified_sample(items, 10, lambda i: i.labels["k"])
    assert [items.index(i) for i in sample] == sorted(items.index(i) for i in sample)
    assert stratified_sample(items, None, lambda i: 0) is items
