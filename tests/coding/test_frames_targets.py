"""Recipient spans: goals of transfers, themes' phrases, idioms, dates and brackets; and the
lexicon entries for concessions, apologies and pleas (sentences written by the team)."""

from __future__ import annotations

from eventlens.record import Event


def top(events: list[Event], event_type: str) -> Event:
    matching = [e for e in events if e.event_type == event_type]
    assert matching, [(e.event_type, e.rule) for e in events]
    return matching[0]


def recipients(event: Event) -> list[str]:
    return [r.text for r in event.recipient]


def test_the_goal_of_a_transfer_is_the_recipient_not_the_thing_given(code) -> None:
    aid = top(code("The ministry gave forty trucks to the flood victims on Monday."), "AID")
    assert recipients(aid) == ["the flood victims"]
    returned = top(code("The museum returned two stolen statues to Niger."), "RETREAT")
    assert recipients(returned) == ["Niger"]


def test_a_named_object_of_a_transfer_stays_the_recipient(code) -> None:
    freed = top(code("The rebels released Amadou Diallo to the Red Cross."), "RETREAT")
    assert recipients(freed) == ["Amadou Diallo"]


def test_the_recipient_may_hang_on_the_participle_of_the_theme(code) -> None:
    lifted = top(code("The council lifted sanctions imposed on Guinea last year."), "CONCEDE")
    assert recipients(lifted) == ["Guinea"]


def test_a_named_of_complement_of_the_theme_is_the_recipient(code) -> None:
    assert recipients(top(code("Senegal lifted its blockade of Gambia."), "CONCEDE")) == ["Gambia"]


def test_the_bare_noun_of_an_idiom_is_no_recipient(code) -> None:
    eased = top(code("Ghana eased its sanctions on Togo in return for talks."), "CONCEDE")
    assert recipients(eased) == ["Togo"]


def test_a_counted_recipient_keeps_what_it_counts(code) -> None:
    eased = top(code("The junta eased restrictions on thousands of traders."), "CONCEDE")
    assert recipients(eased) == ["thousands of traders"]


def test_a_spaced_hyphen_inside_a_phrase_is_no_dateline(code) -> None:
    attack = top(code("Jihadists attacked a government - run school in the village."), "ASSAULT")
    assert recipients(attack) == ["a government - run school"]


def test_a_bracketed_abbreviation_keeps_its_closing_bracket(code) -> None:
    text = "ECOWAS imposed sanctions on the National Transition Council (NTC) of Mali."
    sanction = top(code(text), "SANCTION")
    assert recipients(sanction)[0].startswith("the National Transition Council (NTC)")


def test_a_date_after_the_recipient_is_no_part_of_it(code) -> None:
    summoned = top(code("Algeria summoned France's ambassador Monday."), "ACCUSE")
    assert recipients(summoned) == ["France's ambassador"]


def test_a_preconjunction_is_no_part_of_the_recipient(code) -> None:
    lifted = top(code("The bloc lifted sanctions against both Mali and Guinea."), "CONCEDE")
    assert recipients(lifted) == ["Mali", "Guinea"]


def test_a_preposition_of_a_date_does_not_make_a_call_for(code) -> None:
    events = code("President Tinubu called Emmanuel Macron on Friday to discuss the border.")
    assert "REQUEST" not in {e.event_type for e in events}
    call = top(events, "CONSULT")
    assert (call.mode, recipients(call)) == ("phone", ["Emmanuel Macron"])


def test_the_issuer_of_a_statement_is_the_actor_of_what_it_urges(code) -> None:
    text = "Amnesty International issued a statement urging the junta to free the journalists."
    urged = top(code(text), "REQUEST")
    assert ([a.text for a in urged.actor], recipients(urged)) == (
        ["Amnesty International"],
        ["the junta"],
    )


def test_an_event_noun_counted_by_the_object_of_a_light_verb_is_reported(code) -> None:
    events = code("Niger and Chad launched ten days of joint military exercises near Diffa.")
    drills = top(events, "COOPERATE")
    assert [a.text for a in drills.actor] == ["Niger", "Chad"]


def test_allowing_someone_to_act_is_a_concession(code) -> None:
    allowed = top(
        code("The court allowed the opposition leader to stand in the election."), "CONCEDE"
    )
    assert allowed.modality == "asserted"


def test_apologies_are_verbal_support(code) -> None:
    apology = top(code("Mauritania apologized to Senegal for the border incident."), "SUPPORT")
    assert recipients(apology) == ["Senegal"]


def test_pleas_promises_broken_and_rules_defied(code) -> None:
    assert top(code("The union pushed for new talks with the government."), "REQUEST")
    assert top(code("The president reneged on his promise to hold elections."), "REJECT")
    assert top(code("The newspaper violated a ban on reporting the trial."), "REJECT")


def test_humanitarian_evacuations_and_handovers_are_aid(code) -> None:
    assert top(code("UN helicopters evacuated the wounded from Menaka."), "AID")
    handed = top(code("The agency handed over 500 kg of medicine to the hospital."), "AID")
    assert recipients(handed) == ["the hospital"]


def test_agreeing_that_an_act_will_follow_is_an_agreement_other_agreeing_an_opinion(code) -> None:
    agreed = code("Mali and Niger agreed that their armies should patrol the border together.")
    assert "AGREE" in {e.event_type for e in agreed}
    opinion = code("The senator said she agrees with the minister that prices are too high.")
    assert "AGREE" not in {e.event_type for e in opinion}
    belief = code("Most observers agree that security in the north has worsened since 2019.")
    assert "AGREE" not in {e.event_type for e in belief}


def test_the_dative_of_a_light_verb_receives_the_event_noun(code) -> None:
    warning = top(code("The president gave the junta leader a final warning."), "THREATEN")
    assert recipients(warning) == ["the junta leader"]


def test_the_subject_of_a_light_verb_names_who_a_possessive_pronoun_stands_for(code) -> None:
    text = "Government troops continued their attacks on the rebel base near Tessalit."
    attack = top(code(text), "ASSAULT")
    assert [a.text for a in attack.actor] == ["Government troops"]
    assert recipients(attack)[0].startswith("the rebel base")


def test_an_object_pronoun_stands_for_the_named_object_it_repeats(code) -> None:
    text = "The president called Emmanuel Macron on Sunday and urged him to end the operation."
    urged = top(code(text), "REQUEST")
    assert recipients(urged) == ["Emmanuel Macron"]


def test_the_unnamed_object_of_an_agreed_action_is_its_theme_not_a_recipient(code) -> None:
    agreed = top(code("Algeria agreed to open its borders on Monday."), "AGREE")
    assert recipients(agreed) == []
    threat = top(code("The rebels threatened to burn the market."), "THREATEN")
    assert recipients(threat) == ["the market"]


def test_mobilized_forces_are_a_theme_and_their_target_the_recipient(code) -> None:
    text = "The army mobilized its reserve units for an offensive against the rebels."
    mobilized = top(code(text), "MOBILIZE")
    assert recipients(mobilized) == ["the rebels"]
