"""Labels of actors in the CLI table and the dashboard."""

from eventlens.render import actor_label


def test_a_named_actor_shows_its_codes_and_text() -> None:
    actors = [{"text": "the junta", "code": "MLI", "sector": "MIL"}]
    assert actor_label(actors) == "MLI MIL (the junta)"


def test_an_implied_actor_shows_its_name_and_that_it_is_implied() -> None:
    actors = [
        {"text": "", "name": "Protesters", "code": "NER", "sector": "CVL", "implied": "implied:x"}
    ]
    assert actor_label(actors) == "NER CVL (Protesters, implied)"


def test_an_actor_without_codes_is_its_text() -> None:
    assert actor_label([{"text": "some partners", "code": None}]) == "some partners"
