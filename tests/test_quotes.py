"""quotes.extract on short texts written for these tests."""

from __future__ import annotations

from dateline.core import actors, clean, quotes
from dateline.core.model import Article, DateValue, Event, Evidence, Quote


def _quotes(text: str, events: list[Event] | None = None) -> tuple[list[Quote], dict[str, str]]:
    article = clean.clean(Article(id="t", text=text))
    found = actors.extract(article)
    names = {a.id: a.name for a in found}
    return quotes.extract(article, found, events or []), names


def _speakers(text: str) -> list[tuple[str, str | None]]:
    qs, names = _quotes(text)
    return [(q.text, names.get(q.speaker) if q.speaker else None) for q in qs]


def test_attribution_after_the_quote() -> None:
    qs, names = _quotes('"The bridge will open in May," Minister Lena Berg said.')
    assert len(qs) == 1
    q = qs[0]
    assert q.text == "The bridge will open in May,"
    assert q.text == "The bridge will open in May,"[: q.end - q.start]
    assert names[q.speaker] == "Lena Berg" and q.cue == "said"


def test_offsets_point_at_the_words_without_the_marks() -> None:
    text = 'Intro. "Yes, we agreed," Mayor Jan Ek said.'
    qs, _ = _quotes(text)
    assert text[qs[0].start : qs[0].end] == "Yes, we agreed,"


def test_inverted_attribution_said_x() -> None:
    assert _speakers('"Prices will fall next year," said economist Ruth Adler.') == [
        ("Prices will fall next year,", "Ruth Adler")
    ]


def test_told_outlet_gives_a_venue_not_a_speaker() -> None:
    qs, names = _quotes('"We are ready," Governor Paulo Neves told Radio Norte.')
    assert names[qs[0].speaker] == "Paulo Neves"
    assert qs[0].venue == "Radio Norte"
    assert "Radio Norte" not in names.values()


def test_told_outlet_without_a_subject_keeps_speaker_none() -> None:
    text = 'Commander Ivo Petrov spoke first.\n\n"The deal is not final," told Radio Norte.'
    qs, _ = _quotes(text)
    assert qs[0].speaker is None and qs[0].venue == "Radio Norte"


def test_attribution_before_with_colon_and_that_clause() -> None:
    text = (
        'The union leader, Marta Silva, said: "We will strike."\n\n'
        'Chief executive Hugo Lenz said that the firm "will not negotiate under pressure."'
    )
    assert _speakers(text) == [
        ("We will strike.", "Marta Silva"),
        ("will not negotiate under pressure.", "Hugo Lenz"),
    ]


def test_according_to() -> None:
    assert _speakers('"The dam is safe," according to engineer Sofia Lind.') == [
        ("The dam is safe,", "Sofia Lind")
    ]


def test_pronoun_goes_to_the_last_named_person() -> None:
    text = (
        'Senator Alan Brooks arrived late.\n\n"We lost a day," he said.\n\n'
        'The Ministry of Finance issued a statement.\n\n"It will not happen again," he added.'
    )
    assert [s for _, s in _speakers(text)] == ["Alan Brooks", "Alan Brooks"]


def test_quote_split_by_an_attribution_gives_both_parts_the_speaker() -> None:
    text = '"We tried," Ambassador Nora Quist said. "Nobody listened."'
    assert _speakers(text) == [("We tried,", "Nora Quist"), ("Nobody listened.", "Nora Quist")]


def test_adding_continues_the_same_speaker() -> None:
    text = '"Talks start soon," envoy Dario Conti told Radio Norte, adding, "perhaps next week."'
    assert [s for _, s in _speakers(text)] == ["Dario Conti", "Dario Conti"]


def test_curly_marks_and_nested_single_quotes() -> None:
    text = "“They call it ‘a temporary measure’ but it is not,” Judge Ines Moreau said."
    qs, names = _quotes(text)
    assert len(qs) == 1
    assert qs[0].text == "They call it ‘a temporary measure’ but it is not,"
    assert names[qs[0].speaker] == "Ines Moreau"


def test_quote_spanning_paragraphs() -> None:
    text = (
        'Coach Lars Vik said: "We played well in the first half.\n\n'
        '"Then we lost our focus and the game."\n\nThe team flies home on Sunday.'
    )
    qs, names = _quotes(text)
    assert [q.text for q in qs] == [
        "We played well in the first half.",
        "Then we lost our focus and the game.",
    ]
    assert [names.get(q.speaker) for q in qs] == ["Lars Vik", "Lars Vik"]


def test_scare_quote_fragment_gets_the_subject_speaker_or_none() -> None:
    text = (
        'Minister Petra Holm said the plan was "a historic step" for the region.\n\n'
        'Critics called the plan "a historic mistake".'
    )
    assert _speakers(text) == [("a historic step", "Petra Holm"), ("a historic mistake", None)]


def test_unattributed_quote_keeps_speaker_none() -> None:
    assert _speakers('The banner read "No more war" in large letters.') == [("No more war", None)]


def test_single_quoted_scare_words_are_not_quotes_when_double_marks_exist() -> None:
    text = 'The so-called ‘peace plan’ was rejected. "It is dead," Speaker Rui Costa said.'
    assert _speakers(text) == [("It is dead,", "Rui Costa")]


def test_straight_single_marks_when_an_article_uses_no_other() -> None:
    # British copy typed in plain text: the mark is also the apostrophe ("can't", "the workers' union")
    text = (
        "'We can't close the yard,' Mayor Ruth Dale said on Monday.\n\n"
        "'The dockers' union agrees with us.' She added that talks would go on.\n\n"
        "Councillor Owen Price said: 'There is no plan.\n\n"
        "'Nobody has told the town anything.'\n\n"
        "The yard's owners, who ran it in the '90s, called the protest 'a stunt' and left."
    )
    assert _speakers(text) == [
        ("We can't close the yard,", "Ruth Dale"),
        ("The dockers' union agrees with us.", "Ruth Dale"),
        ("There is no plan.", "Owen Price"),  # runs on to the next paragraph, which continues it
        ("Nobody has told the town anything.", "Owen Price"),
    ]


def test_doubled_straight_marks_are_left_alone() -> None:
    # archive copy sets '' for both double marks: its single marks inside are nested quotes, not quotes
    text = "''They told us, 'Wait,' and we waited,'' Mayor Ruth Dale said."
    assert _speakers(text) == []


def test_apostrophes_alone_make_no_quote() -> None:
    text = "The workers' union met the yard's owners. It's the dockers' last chance, the '80s over."
    assert _speakers(text) == []


def test_a_legislators_party_label_neither_names_an_actor_nor_hides_the_speaker() -> None:
    # US copy sets party and state after a legislator's name, in brackets or commas, often with a stop inside
    for text in (
        "“The bill is dead,” Rep. Tom Varga (R-Fla.) said.",
        "“The bill is dead,” Rep. Tom Varga, R-Fla., said.",
        "“The bill is dead,” said Sen. Tom Varga (D-N.Y.). “We start again.”",
    ):
        qs, names = _quotes(text)
        assert [names.get(q.speaker) for q in qs] in (["Tom Varga"], ["Tom Varga", "Tom Varga"]), text
        assert sorted(names.values()) == ["Tom Varga"], text


def test_a_speaker_opening_a_sentence_with_an_apposition_is_named() -> None:
    # after a quote that ends its sentence, "Varga, a retired welder, said" opens a new one: its first word
    # is a name because a speech verb follows the apposition (an age or a description)
    for text in (
        '"The plant is closing. What now?" Varga, a retired welder from the valley, said quietly.',
        '"The plant is closing." Varga, 61, said.',
    ):
        assert _speakers(text)[0][1] == "Varga", text


def test_a_paragraph_ending_in_a_colon_introduces_the_next_quote() -> None:
    text = "Senator Ann Keller made the following comment:\n\n“The rate for young people is far too high.”"
    assert _speakers(text) == [("The rate for young people is far too high.", "Ann Keller")]
    # an introduction that names no one gives no speaker
    assert _speakers("The statement read:\n\n“The rate for young people is far too high.”")[0][1] is None


def test_events_of_the_same_paragraph() -> None:
    text = 'The ministers met on Monday.\n\n"It went well," Minister Ana Lopes said.'
    ev = Event(
        id="t:e1",
        headline="met",
        date=DateValue(value="2020", granularity="year"),
        status="occurred",
        evidence=[Evidence(article="t", start=text.index('"It'), end=len(text), text="x")],
    )
    other = Event(
        id="t:e2",
        headline="met",
        date=DateValue(value="2020", granularity="year"),
        status="occurred",
        evidence=[Evidence(article="t", start=0, end=10, text="x")],
    )
    qs, _ = _quotes(text, [ev, other])
    assert qs[0].events == ["t:e1"]
    assert qs[0].id == "t:q1"


# --- speech verbs and where the speaker stands --------------------------------------------------------------


def test_any_speech_verb_names_the_speaker() -> None:
    text = (
        '"Not this year," Mayor Vera Holt answered.\n\n'
        '"The harbour is ours," proclaimed Admiral Tomas Reyes.\n\n'
        '"We will rebuild the school," Governor Ines Calder wrote on Facebook.'
    )
    assert [s for _, s in _speakers(text)] == ["Vera Holt", "Tomas Reyes", "Ines Calder"]


def test_added_with_a_colon_and_according_to_before_the_quote() -> None:
    text = (
        'Senator Omar Lind added: "The vote is on Friday."\n\n'
        'According to Judge Petra Saar, "the ruling stands until appeal."'
    )
    assert [s for _, s in _speakers(text)] == ["Omar Lind", "Petra Saar"]


def test_a_long_apposition_or_clause_between_name_and_verb() -> None:
    text = (
        'Mr. Karl Dunmore, noting that the budget "was already late," added: "We cannot wait for March."\n\n'
        '"Nobody expected it," Ruth Abara, a lawyer who has represented the miners since 2009, said.'
    )
    qs = _speakers(text)
    assert qs[-2] == ("We cannot wait for March.", "Karl Dunmore")
    assert qs[-1] == ("Nobody expected it,", "Ruth Abara")


def test_inverted_verb_with_a_title_and_an_apposition() -> None:
    text = '"Prices will fall," said Rep. Dora Kell of Ohio, who chairs the panel. "Maybe by a lot."'
    assert _speakers(text) == [("Prices will fall,", "Dora Kell"), ("Maybe by a lot.", "Dora Kell")]


def test_a_possessive_or_a_modifier_is_not_the_speaker() -> None:
    text = (
        '"The numbers are bad," Lena Marsh\'s campaign manager, Otto Brandt, said.\n\n'
        '"We expected worse," said Ohio pollster Greta Nyman.'
    )
    assert [s for _, s in _speakers(text)] == ["Otto Brandt", "Greta Nyman"]


def test_no_comma_after_the_quote_still_takes_a_speaker_right_after_it() -> None:
    text = '"The count is over" Mayor Amos Pike said on Monday.'
    assert _speakers(text) == [("The count is over", "Amos Pike")]


def test_a_question_closing_the_sentence_before_a_short_attribution() -> None:
    text = 'The panel met again.\n\n"Who pays for it?" Councillor Nadia Frey asked.'
    assert _speakers(text) == [("Who pays for it?", "Nadia Frey")]


# --- a speaker carried to the next quote ----------------------------------------------------------------------


def test_a_speaker_carries_to_the_next_paragraph_after_an_attribution() -> None:
    text = (
        '"The mine will close," said Piet Vogel, a union organiser in the valley.\n\n'
        '"They have known it for a year and told nobody."\n\n'
        "The company did not comment."
    )
    assert [s for _, s in _speakers(text)] == ["Piet Vogel", "Piet Vogel"]


def test_a_speaker_introduced_by_a_colon_paragraph_carries_to_the_quote() -> None:
    text = (
        'Minister Hanna Ek told reporters on Tuesday that the talks had stalled.\n\n"We are not giving up."'
    )
    assert _speakers(text) == [("We are not giving up.", "Hanna Ek")]


def test_a_quote_in_an_unrelated_paragraph_keeps_speaker_none() -> None:
    text = (
        '"We will win," Coach Ivo Brandt said.\n\n'
        "The stadium was half empty. Tickets cost twice as much as last year.\n\n"
        'A banner in the stands read "Bring back the old coach".'
    )
    assert _speakers(text)[-1] == ("Bring back the old coach", None)


def test_a_quote_open_at_the_paragraph_end_continues_with_the_same_speaker() -> None:
    text = (
        'Chairwoman Alma Rees said: "The first part of the plan is done.\n\n'
        '"The second part starts in June."\n\n'
        "Critics were not convinced."
    )
    assert [s for _, s in _speakers(text)] == ["Alma Rees", "Alma Rees"]


# --- quotes inside indirect speech ------------------------------------------------------------------------------


def test_a_quote_inside_indirect_speech_goes_to_the_reporting_subject() -> None:
    text = (
        "Governor Elsa Tran said on Monday that the new bridge would be "
        '"the safest in the country" once the inspections end.'
    )
    assert _speakers(text) == [("the safest in the country", "Elsa Tran")]


def test_a_quote_after_a_participle_goes_to_the_main_subject() -> None:
    text = 'Director Leo Marsh rejected the offer, calling it "an insult to every worker here."'
    assert _speakers(text) == [("an insult to every worker here.", "Leo Marsh")]


# --- pronouns and descriptions ---------------------------------------------------------------------------------


def test_she_goes_to_the_woman_not_to_the_man_named_after_her() -> None:
    text = (
        "Mrs. Aline Porter met Mr. Hugo Brandt at the ministry on Monday.\n\n"
        '"It was a useful meeting," she said.'
    )
    assert _speakers(text) == [("It was a useful meeting,", "Aline Porter")]


def test_he_goes_to_the_subject_of_the_previous_sentence() -> None:
    text = (
        "Senator Paul Ridge criticised Governor Mark Olsen over the delays.\n\n"
        '"This has gone on too long," he said.'
    )
    assert _speakers(text) == [("This has gone on too long,", "Paul Ridge")]


def test_a_given_name_tells_she_from_he() -> None:
    text = (
        'Rachel Dunn and Tom Weller spoke after the hearing.\n\nWeller was brief. "We will appeal," she said.'
    )
    assert _speakers(text) == [("We will appeal,", "Rachel Dunn")]


def test_the_minister_goes_to_the_person_with_that_title() -> None:
    text = (
        "Finance Minister Clara Voss presented the budget. Opposition leader Jan Roos was absent.\n\n"
        '"It is a fair budget," the minister said.'
    )
    assert _speakers(text) == [("It is a fair budget,", "Clara Voss")]


def test_he_after_a_when_clause_goes_to_that_clauses_subject_not_its_object() -> None:
    text = (
        "Oskar Lindqvist spoke first at the forum.\n\n"
        'When Tom Baxter was asked whether he trusts Lindqvist, he said, "I have no reason to doubt him."'
    )
    assert _speakers(text) == [("I have no reason to doubt him.", "Tom Baxter")]


def test_as_for_x_he_said_makes_x_the_antecedent_of_the_next_he() -> None:
    text = (
        'Mr. Hugo Brandt called the plan reckless. "It will not pass," the senator said.\n\n'
        "As for Mr. Tom Baxter, he said he was not worried. "
        '"We have the votes and we will win this," he said.'
    )
    assert _speakers(text)[1] == ("We have the votes and we will win this,", "Tom Baxter")


def test_a_when_clause_before_a_parenthetical_he_said_is_part_of_what_was_said() -> None:
    text = (
        "Mr. Hugo Brandt spoke at the forum.\n\nWhen Tom Baxter took office in 2009, he said, the town was "
        '"losing jobs every single month" and nobody cared.'
    )
    assert _speakers(text) == [("losing jobs every single month", "Hugo Brandt")]


def test_an_if_clause_before_he_said_is_part_of_what_was_said() -> None:
    text = (
        "Mr. Hugo Brandt spoke at the forum.\n\n"
        'If Tom Baxter is elected, he said, "the town will lose every job it still has."'
    )
    assert _speakers(text) == [("the town will lose every job it still has.", "Hugo Brandt")]


def test_a_when_clause_whose_subject_does_not_fit_the_pronoun_is_passed_over() -> None:
    text = (
        "Mr. Hugo Brandt chaired the meeting.\n\n"
        'When the Ministry of Transport published the figures, he said, "We were surprised by them."'
    )
    assert _speakers(text) == [("We were surprised by them.", "Hugo Brandt")]


def test_he_goes_to_the_name_in_apposition_after_a_description_with_modifiers() -> None:
    text = (
        "Oskar Lindqvist won the race. One delegate, county chairman Tom Baxter, pledged his vote to "
        'Lindqvist on Monday.\n\n"We need to bring this contest to a close soon," he said.'
    )
    assert _speakers(text) == [("We need to bring this contest to a close soon,", "Tom Baxter")]


def test_he_goes_to_the_speaker_of_said_x_however_long_the_apposition_after_x() -> None:
    text = (
        "Small towns pay for the new rules, said Tom Baxter, an Ohio farmer who served in the Navy with "
        'Mr. Oskar Lindqvist for many years.\n\n"There is more money spent on forms than on roads," he said.'
    )
    assert _speakers(text) == [("There is more money spent on forms than on roads,", "Tom Baxter")]


def test_a_participle_after_a_comma_names_no_speaker_for_a_later_he() -> None:
    text = (
        "Mr. Tom Baxter repeated the pledge in an interview last week, saying Mr. Oskar Lindqvist was "
        'committed to every county.\n"We will campaign in all of them," he said.'
    )
    assert _speakers(text) == [("We will campaign in all of them,", "Tom Baxter")]


def test_she_passes_over_a_common_noun_that_opens_a_sentence() -> None:
    text = (
        "Few voters came. Mrs. Aline Porter lost.\n\nVoters warned that the mayor would lose again.\n\n"
        '"I have done what I came to do," she said.'
    )
    assert _speakers(text) == [("I have done what I came to do,", "Aline Porter")]


def test_with_no_subject_that_fits_she_goes_to_the_first_woman_the_sentence_names_not_the_last() -> None:
    text = (
        "Mr. Lindqvist's plan was backed on Friday by Mrs. Aline Porter of Ohio, the ranking member of the "
        "panel, who said none of the money went to Mrs. Clara Voss.\n\n"
        '"It never made sense to blame him for this," she said in a statement.'
    )
    assert _speakers(text) == [("It never made sense to blame him for this,", "Aline Porter")]


def test_a_capitalised_verb_after_a_closed_quote_opens_a_new_sentence_not_an_attribution() -> None:
    text = (
        "Mr. Tom Baxter spoke.\n\nBaxter himself said Tuesday that "
        '"the only way to win the state of Ohio is to ask, one on one." Asked which Ohio county was his '
        'favorite, he demurred: "Whichever one I am in at the moment."'
    )
    assert _speakers(text) == [
        ("the only way to win the state of Ohio is to ask, one on one.", "Tom Baxter"),
        ("Whichever one I am in at the moment.", "Tom Baxter"),
    ]


def test_a_pronoun_with_nobody_it_fits_keeps_speaker_none() -> None:
    text = 'The Ministry of Transport published the figures.\n\n"We were surprised," she said.'
    assert _speakers(text) == [("We were surprised,", None)]


# --- not quotes, and transcripts ---------------------------------------------------------------------------------


def test_titles_and_scare_quotes_are_not_quotes_unless_attributed() -> None:
    text = (
        'The mayor watched "Night of the Long Knives" on Sunday and called the critics "boasters".\n\n'
        'Fans of "Gardens" were upset.'
    )
    qs, _ = _quotes(text)
    assert [q.text for q in qs] == ["boasters"]  # attributed to the mayor's "called"


def test_transcript_lines_are_quotes_of_their_label() -> None:
    text = (
        "Senator Ana Kreis questioned Governor Hal Mercer on Tuesday.\n\n"
        "KREIS: Will you raise taxes next year?\n\n"
        "MERCER: No, and I have said so many times."
    )
    assert _speakers(text) == [
        ("Will you raise taxes next year?", "Ana Kreis"),
        ("No, and I have said so many times.", "Hal Mercer"),
    ]


def test_a_participle_after_an_introductory_phrase_goes_to_the_subject() -> None:
    text = (
        'Reached by phone, Mayor Ruth Kanter denied the report, saying she was "on holiday all week."\n\n'
        'Hours later, Governor Sam Ortiz replied to her, telling reporters, "We never said she was there."'
    )
    assert [s for _, s in _speakers(text)] == ["Ruth Kanter", "Sam Ortiz"]


def test_party_and_state_in_parentheses_do_not_end_the_sentence() -> None:
    text = 'In a statement, Rep. Lara Quist (D-N.Y.) reacted to the news, saying: "This is a disgrace to us."'
    assert _speakers(text) == [("This is a disgrace to us.", "Lara Quist")]


def test_military_ranks_with_ordinals_are_titles() -> None:
    text = '"We were not told anything," said Air Force 1st Lt. Dana Rourke. "Nothing at all."'
    assert [s for _, s in _speakers(text)] == ["Dana Rourke", "Dana Rourke"]


def test_an_infinitive_is_not_an_attribution() -> None:
    text = 'The spokesman declined to comment on the "ongoing review of the contract terms."'
    assert _speakers(text) == [("ongoing review of the contract terms.", None)]


def test_a_quote_followed_by_a_new_sentence_is_not_attributed_to_its_subject() -> None:
    text = (
        'Minister Lea Horn warned that the ban would be "unacceptable to everyone here." '
        'Senator Paul Grier said the vote "will happen anyway, whatever she thinks."'
    )
    assert [s for _, s in _speakers(text)] == ["Lea Horn", "Paul Grier"]


def test_as_x_put_it_and_as_x_of_y_told_the_paper() -> None:
    text = (
        'As Senator Ida Brandt, the chair of the panel, put it: "Nobody will vote for this."\n\n'
        'However, as Bishop Tomas Varga of the Diocese of Lund told the paper, "We are all worried."'
    )
    assert [s for _, s in _speakers(text)] == ["Ida Brandt", "Tomas Varga"]


def test_a_name_label_before_a_colon_names_the_speaker() -> None:
    text = 'Economists disagree - Mona Feld: "The slowdown is already here and it will last."'
    assert _speakers(text) == [("The slowdown is already here and it will last.", "Mona Feld")]


def test_a_participle_after_by_goes_to_the_subject_of_the_sentence() -> None:
    text = (
        'Mayor Aldo Brun answered the critics by posting a study showing "crime fell by a third last year."'
    )
    assert _speakers(text) == [("crime fell by a third last year.", "Aldo Brun")]


def test_a_pronoun_for_a_person_no_actor_has_keeps_speaker_none() -> None:
    text = (
        "Governor Paul Fitch spoke first.\n\n"
        'The farmer Lars Oskarsson listened. "We have waited ten years," he said.'
    )
    article = clean.clean(Article(id="t", text=text))
    known = [a for a in actors.extract(article) if "Oskarsson" not in a.name]  # the actor step missed him
    assert [a.name for a in known] == ["Paul Fitch"]
    (q,) = quotes.extract(article, known, [])
    assert q.speaker is None  # not the governor named before him


def test_an_unnamed_speaker_keeps_the_words_that_describe_them() -> None:
    qs, _ = _quotes('The mayor was away.\n\n"We are broke," said a senior aide to the mayor.')
    assert (qs[0].speaker, qs[0].speaker_name) == (None, "a senior aide")


def test_wire_copy_forms_here_and_no_comma_before_an_inverted_verb() -> None:
    text = (
        '"Rates will stay where they are," Mayor Ian Voss here said.\n\n'
        '"He was the trigger" said analyst Rolf Kemper of Kemper Research.'
    )
    assert [s for _, s in _speakers(text)] == ["Ian Voss", "Rolf Kemper"]


def test_a_noun_in_s_before_a_verb_is_not_a_speech_verb() -> None:
    text = 'The bank said it was "disappointed and very angry" if the Commission charges are true.'
    assert _speakers(text)[0][0] == "disappointed and very angry"
    qs, _ = _quotes(text)
    assert qs[0].cue == "said"


def test_a_quote_in_the_paragraph_a_dateline_opens_is_kept() -> None:
    text = (
        "MADRID (Reuters) - The minister defended the budget on Monday.\n"
        '"We have cut nothing that matters," Minister Rosa Llorente said.\n\n'
        "The opposition disagreed."
    )
    article = clean.clean(Article(id="t", text=text))
    assert any(f.kind == "dateline" for f in article.furniture)  # what this test is about
    assert _speakers(text) == [("We have cut nothing that matters,", "Rosa Llorente")]


def test_a_title_after_an_outlets_possessive_or_a_naming_word_is_no_quote() -> None:
    text = (
        'Mayor Ruth Dale said on Channel Nine\'s "Good Evening Harbourtown" that the ferry would run. '
        'She wrote an essay titled "Why The Ferry Matters" last year. "We will keep it," Dale said.'
    )
    assert _speakers(text) == [("We will keep it,", "Ruth Dale")]
    # a sentence in quotes after a possessive is still a quote ("Dale's words: ...")
    assert _speakers('The mayor\'s reply was short: "We will keep the ferry running," Dale said.')[0][0] == (
        "We will keep the ferry running,"
    )


def test_quoted_as_saying_names_the_subject_of_quoted() -> None:
    assert _speakers("“The yard will close,” Varga is quoted as saying.") == [
        ("The yard will close,", "Varga")
    ]
    assert _speakers("Mayor Ruth Dale was quoted as saying: “We will rebuild.”") == [
        ("We will rebuild.", "Ruth Dale")
    ]
