"""actors.extract and actors.merge on short texts written for these tests."""

from __future__ import annotations

from dateline.core import actors, clean
from dateline.core.model import Actor, Article


def _extract(text: str, aid: str = "t") -> list[Actor]:
    return actors.extract(clean.clean(Article(id=aid, text=text)))


def _by_name(found: list[Actor]) -> dict[str, Actor]:
    return {a.name: a for a in found}


def _all_forms(found: list[Actor]) -> set[str]:
    return {f for a in found for f in [a.name, *a.aliases]}


def test_title_before_name_makes_a_person_with_a_role() -> None:
    found = _by_name(
        _extract("Talks resumed on Monday. Foreign Minister Maria Kovac met the Norwegian delegation.")
    )
    assert found["Maria Kovac"].kind == "person"
    assert [r.title for r in found["Maria Kovac"].roles] == ["Foreign Minister"]


def test_lowercase_role_with_qualifier_and_appositive_role() -> None:
    found = _by_name(
        _extract(
            "The talks were chaired by UN envoy Pieter van Dam. Later, Tomas Rehak, "
            "spokesman of the National Unity Party, said the vote would go ahead."
        )
    )
    assert found["Pieter van Dam"].kind == "person"
    assert found["Pieter van Dam"].roles[0].title == "UN envoy"
    assert found["Tomas Rehak"].roles[0].title.startswith("spokesman of the National Unity Party")
    assert "United Nations" in found


def test_capitals_demonyms_and_government_phrases_name_the_country() -> None:
    found = _by_name(
        _extract(
            "Moscow rejected the plan. Russian officials said the Russians would wait. "
            "The talks stalled after the Chilean government walked out, and Santiago recalled its envoy."
        )
    )
    assert {"Moscow", "Russians", "Russian"} <= set(found["Russia"].aliases)
    assert found["Russia"].kind == "country"
    assert {"Chilean government", "Santiago"} <= set(found["Chile"].aliases)
    assert len(found["Russia"].mentions) == 3


def test_the_regime_joins_the_country_called_a_regime() -> None:
    found = _by_name(_extract("The Libyan regime denied it. Critics say the regime lies."))
    assert "regime" in found["Libya"].aliases
    assert len(found["Libya"].mentions) == 2


def test_sentence_initial_words_months_and_weekdays_are_not_actors() -> None:
    found = _extract(
        "Negotiations resumed in March. Despite the rain, crowds gathered on Tuesday. "
        "Officials said nothing. Eight-way talks are planned for January."
    )
    assert found == []


def test_a_name_seen_mid_sentence_counts_at_a_sentence_start_too() -> None:
    found = _by_name(_extract("Police questioned Okonkwo on Friday. Okonkwo denied everything."))
    assert len(found["Okonkwo"].mentions) == 2


def test_bylines_credits_and_licence_lines_are_skipped() -> None:
    text = (
        "The council met in Oslo.\n\nPhoto credit: Hanne Lund/Nordic Images\n\n"
        "AUTHOR: Erik Dahl\n\nLicensed under Creative Commons Attribution 4.0."
    )
    forms = _all_forms(_extract(text))
    assert "Oslo" in forms
    assert not forms & {"Hanne Lund", "Nordic Images", "Erik Dahl", "Creative Commons", "AUTHOR"}


def test_outlets_used_as_venues_are_not_actors() -> None:
    text = (
        'Ana Ruiz told Radio Sur on Friday that the deal was done. "It is over," a minister told Globo News. '
        "Ruiz also spoke to Reuters."
    )
    forms = _all_forms(_extract(text))
    assert "Ana Ruiz" in forms
    assert not forms & {"Radio Sur", "Globo News", "Reuters"}


def test_outlet_run_into_a_title_and_name_is_split_off() -> None:
    found = _by_name(_extract("The mayor told Reuters Deputy Minister Olga Brandt had resigned."))
    assert "Olga Brandt" in found
    assert [r.title for r in found["Olga Brandt"].roles] == ["Deputy Minister"]
    assert not any("Reuters" in f for f in _all_forms(list(found.values())))


def test_the_articles_own_outlet_is_not_an_actor() -> None:
    found = _extract("Source: Valley Courier Daily\n\nThe mayor of Lyon spoke.\n\nValley Courier Daily")
    assert "Valley Courier Daily" not in _all_forms(found)


def test_acronym_in_parentheses_and_formerly_become_aliases() -> None:
    text = (
        "Fighters of the Popular Resistance Front (PRF) took the town. The PRF denied it. "
        "The Sons of Liberty Brigade (formerly Wolves Battalion) joined them."
    )
    found = _by_name(_extract(text))
    prf = found["Popular Resistance Front"]
    assert set(prf.aliases) == {"Popular Resistance Front", "PRF"}
    assert len(prf.mentions) == 3
    assert prf.kind == "group"
    assert "Wolves Battalion" in found["Sons of Liberty Brigade"].aliases


def test_surname_and_honorific_go_back_to_the_full_name() -> None:
    found = _extract(
        "Deputy Mayor Grace Achebe opened the session. Achebe said Mr. Achebe was not her brother."
    )
    assert [a.name for a in found] == ["Grace Achebe"]
    assert len(found[0].mentions) == 3


def test_group_cue_before_an_unknown_name() -> None:
    found = _by_name(_extract("The army fought the militant group Katibat Nour Sahel near the border."))
    assert found["Katibat Nour Sahel"].kind == "group"


def test_speaker_subject_is_found() -> None:
    found = _by_name(_extract('"We will stay," Lindqvist said.'))
    assert found["Lindqvist"].kind == "person"


def test_ids_are_local_to_the_article() -> None:
    found = _extract("Kenya and Uganda signed the pact.", aid="art7")
    assert [a.id for a in found] == ["art7:a1", "art7:a2"]


# --- merge -----------------------------------------------------------------------------------------------


def _merge(*texts: str) -> tuple[list[Actor], dict[str, str]]:
    return actors.merge([_extract(t, aid=f"d{i}") for i, t in enumerate(texts)])


def test_merge_spacing_and_hyphen_variants() -> None:
    merged, _ = _merge(
        "Spokesman Omar Al Haddad spoke.", "Spokesman Omar Alhaddad spoke.", "Spokesman Omar al-Haddad spoke."
    )
    people = [a for a in merged if a.kind == "person"]
    assert len(people) == 1
    assert set(people[0].aliases) >= {"Omar Al Haddad", "Omar Alhaddad", "Omar al-Haddad"}


def test_merge_surname_only_and_title_to_the_full_name_across_articles() -> None:
    merged, ids = _merge("President Elena Marquez arrived.", "Marquez said little.", "Ms. Marquez left.")
    assert [a.name for a in merged] == ["Elena Marquez"]
    assert set(ids.values()) == {"a1"}


def test_merge_acronym_to_its_expansion_across_articles() -> None:
    merged, _ = _merge("The Democratic Alliance Party won.", "The DAP said it won.")
    assert [a.name for a in merged] == ["Democratic Alliance Party"]


def test_merge_formerly_alias_across_articles() -> None:
    merged, _ = _merge(
        "The Sahel Unity Front (formerly Tuareg Defence Army) attacked.",
        "Tuareg Defence Army fighters retreated.",
    )
    assert [a.name for a in merged] == ["Sahel Unity Front"]


def test_merge_fuzzy_transliterations_only_within_one_kind() -> None:
    merged, _ = _merge(
        "The militant group Ansar Dawla Wasat attacked.",
        "The militant group Ansar Dawla Wassat retreated.",
        "Envoy Mohamed Farouk spoke.",
        "Envoy Mohammed Farouq spoke.",
    )
    names = sorted(a.name for a in merged)
    assert len(names) == 2, names


def test_merge_keeps_similar_but_different_names_apart() -> None:
    merged, _ = _merge(
        "Senator John Smith spoke.",
        "Senator Joan Smith spoke.",
        "The National Liberation Front fought the Popular Liberation Front.",
    )
    assert len(merged) == 4


def test_merge_never_joins_a_person_and_a_country() -> None:
    merged, _ = _merge("General Jordan Reyes spoke.", "Jordan closed its border.")
    assert sorted(a.kind for a in merged) == ["country", "person"]


def test_merged_ids_follow_mention_count() -> None:
    merged, ids = _merge("Peru and Chile met. Chile left.", "Chile stayed.")
    assert merged[0].name == "Chile" and merged[0].id == "a1"
    assert ids["d0:a2"] == "a1" and ids["d1:a1"] == "a1"


def test_incompatible_roles_from_two_articles_are_kept_and_marked() -> None:
    merged, _ = _merge(
        "Liberal Party spokesman Tom Reedham spoke.",
        "Tom Reedham, an official of the Labour Party, spoke.",
        "Liberal Party leader Tom Reedham spoke again.",
    )
    person = next(a for a in merged if a.kind == "person")
    roles = {r.title: r.conflict for r in person.roles}
    assert len(roles) == 3
    assert roles["Liberal Party spokesman"] and roles["an official of the Labour Party"]


def test_compatible_roles_are_not_conflicts() -> None:
    merged, _ = _merge("UN envoy Karl Brandt spoke.", "United Nations envoy Karl Brandt spoke.")
    person = next(a for a in merged if a.kind == "person")
    assert person.roles and not any(r.conflict for r in person.roles)


def test_merge_keeps_two_people_who_share_a_surname_apart() -> None:
    merged, _ = _merge(
        "Finance minister Carla Brandt spoke on Monday. Brandt said taxes would fall.",
        "Brandt was not available for comment.",  # a bare surname between them must not chain them
        "Central bank governor Peter Brandt disagreed. Brandt said taxes would rise.",
    )
    people = sorted(a.name for a in merged if a.kind == "person")
    assert people == ["Carla Brandt", "Peter Brandt"], people
    brandt = [a for a in merged if "Brandt" in a.name]
    assert all("Peter Brandt" not in a.aliases for a in brandt if a.name == "Carla Brandt")


def test_merge_does_not_join_companies_on_their_legal_suffix() -> None:
    merged, _ = _merge(
        "Investors bought Par Pharmaceutical Inc on Monday.",
        "Investors sold Parmed Pharmaceuticals Inc on Monday.",
    )
    assert sorted(a.name for a in merged) == ["Par Pharmaceutical Inc", "Parmed Pharmaceuticals Inc"]


def test_merge_joins_a_surname_shared_by_compatible_given_names() -> None:
    merged, _ = _merge(
        "Senator Don Ruskin spoke on Monday. Ruskin said taxes would fall.",
        "Senator Donald Ruskin spoke again. Ruskin said so twice.",
    )
    assert [a.name for a in merged if a.kind == "person"] in (["Don Ruskin"], ["Donald Ruskin"])


def test_a_title_after_qualifiers_is_a_role_not_part_of_the_name() -> None:
    found = _by_name(
        _extract(
            "Transport Minister Pedro Alves said on Monday that the strike must end. "
            "He met Lakeside Savings Bank Governor Ana Costa. Chief Financial Officer Rui Santos declined to comment."
        )
    )
    assert {"Pedro Alves", "Ana Costa", "Rui Santos"} <= set(found), sorted(found)
    assert found["Pedro Alves"].kind == "person"
    assert [r.title for r in found["Pedro Alves"].roles] == ["Transport Minister"]
    assert "Lakeside Savings Bank" in found  # the qualifier that names an organisation is an actor too
    assert not any("Minister" in name or "Officer" in name for name in found)


def test_a_name_ending_in_an_office_word_is_not_split() -> None:
    found = _by_name(_extract("Analysts at Lakeside Leader Holdings said profits fell. Carole King sang."))
    assert "Carole King" in found
    assert not any(name == "Holdings" for name in found)


def test_a_middle_initial_is_part_of_the_name() -> None:
    found = _by_name(_extract("The board said Robert W. Fisher would retire. Fisher joined in 1971."))
    assert "Robert W. Fisher" in found and "Fisher" in found["Robert W. Fisher"].aliases
    assert "Robert W" not in found


def test_a_letter_that_ends_a_sentence_is_not_an_initial() -> None:
    found = _by_name(_extract("It sold shares of Series B. The company said demand was strong."))
    assert not any(name.endswith("The") or "B. The" in name for name in found), sorted(found)


def test_the_first_word_of_a_markdown_heading_opens_a_sentence() -> None:
    found = _extract("# City council delays its vote\n\nThe city council met on Monday.")
    assert "City" not in _all_forms(found)


def test_a_title_word_alone_is_not_an_actor() -> None:
    found = _extract(
        "Health officials warn of a surge\n\nThe President met Health Minister Anna Berg on Monday."
    )
    assert not {"Health", "President"} & _all_forms(found)
    assert "Anna Berg" in _all_forms(found)


def test_member_and_hyphenated_offices_are_roles() -> None:
    found = _by_name(
        _extract(
            "Council member Luis Ortega said the delay would help. "
            "The agency's director-general, Amara Okafor, is due to speak on Friday."
        )
    )
    assert found["Luis Ortega"].kind == "person" and found["Amara Okafor"].kind == "person"
    assert [r.title for r in found["Luis Ortega"].roles] == ["Council member"]


# --- forms of text and kinds from evidence (issue 12) -----------------------------------------------------


def test_a_dateline_names_a_place_whatever_its_case() -> None:
    found = _by_name(
        _extract("Harbour talks resume\nKESTRELTON , Norway 2031-03-04\nOfficials met on Monday.")
    )
    assert found["Kestrelton"].kind == "place"
    assert found["Norway"].kind == "country"


def test_an_all_caps_headline_is_read_for_known_names_only() -> None:
    found = _extract(
        "FISHING - PORTUGAL AND NORWAY SIGN QUOTA PACT AFTER LONG TALKS\n"
        "Portugal and Norway signed the pact on Friday."
    )
    assert all(len(a.name.split()) <= 2 for a in found)
    norway = _by_name(found)["Norway"]
    assert norway.kind == "country" and len(norway.mentions) == 2


def test_a_mention_never_spans_a_line_break() -> None:
    found = _extract("The report was written by Ilse\nMarwick and sent to the board.")
    assert all("\n" not in m.text for a in found for m in a.mentions)


def test_organisation_names_keep_their_inner_of_on_and_ampersand() -> None:
    names = _all_forms(
        _extract(
            "The Commission on Maritime Borders met on Monday. Shares of Brandt & Lowe Co rose. "
            "The Securities and Exchange Commission said nothing. Anna Weber and Tom Riis left."
        )
    )
    assert {
        "Commission on Maritime Borders",
        "Brandt & Lowe Co",
        "Securities and Exchange Commission",
    } <= names
    assert {"Anna Weber", "Tom Riis"} <= names


def test_a_given_name_and_surname_make_a_person_and_the_surname_follows() -> None:
    found = _by_name(_extract("Tomas Halvorsen arrived late on Monday. Halvorsen left early."))
    assert found["Tomas Halvorsen"].kind == "person"
    assert len(found["Tomas Halvorsen"].mentions) == 2


def test_company_context_makes_an_organisation() -> None:
    found = _by_name(_extract("Analysts expect gains. Shares of Quellmark fell 3 percent on Monday."))
    assert found["Quellmark"].kind == "organization"


def test_a_city_is_a_place_unless_evidence_says_a_person() -> None:
    found = _by_name(
        _extract("Talks were held in Rotterdam. Senator Ruth Jackson attended. Jackson said little.")
    )
    assert found["Rotterdam"].kind == "place"
    assert found["Ruth Jackson"].kind == "person"
    assert len(found["Ruth Jackson"].mentions) == 2


def test_names_beside_scores_in_a_results_line_are_teams() -> None:
    found = _by_name(
        _extract("Results of league matches on Saturday:\nHartwell 2 Dunmore 1\nKelby 0 Ashcombe 3")
    )
    assert {found[n].kind for n in ("Hartwell", "Dunmore", "Kelby", "Ashcombe")} == {"organization"}


def test_a_person_of_an_organisation_and_a_company_of_a_country_split_at_of() -> None:
    found = _by_name(
        _extract(
            "Piet Ruud of the Harbour Authority said prices fell. Kestrel Chemical Co of the United States "
            "agreed. The Bank of England said nothing."
        )
    )
    assert found["Piet Ruud"].kind == "person" and found["Harbour Authority"].kind == "organization"
    assert "Kestrel Chemical Co" in found and "United States" in found
    assert found["Bank of England"].kind == "organization"


def test_an_office_with_of_before_a_name_is_a_role() -> None:
    found = _by_name(_extract("Talks began. Deputy Secretary of State Mara Olsen arrived on Monday."))
    assert [r.title for r in found["Mara Olsen"].roles] == ["Deputy Secretary of State"]


def test_places_and_clubs_beside_scores_are_teams_and_results_lines_keep_their_people() -> None:
    found = _by_name(
        _extract(
            "Results of league matches on Saturday:\nRotterdam 2 Harwick Rovers 1\n"
            "Singles, first round:\nAnja Vestergaard ( Norway ) beat Ilse Brandvold ( Sweden ) 6-4 6-2"
        )
    )
    assert found["Rotterdam"].kind == "organization" and found["Harwick Rovers"].kind == "organization"
    assert found["Anja Vestergaard"].kind == "person" and found["Ilse Brandvold"].kind == "person"


def test_club_and_newspaper_before_a_name_make_an_organisation() -> None:
    found = _by_name(_extract("Officials fined the Belgian club Korvane on Friday, the daily Stemblad said."))
    assert found["Korvane"].kind == "organization"


def test_a_plural_verb_after_a_singular_name_and_based_make_an_organisation() -> None:
    found = _by_name(
        _extract(
            "After the defeat, Korvane are fourth in the league. The deal helps Oslo-based Vantrel expand "
            "its shipping business."
        )
    )
    assert found["Korvane"].kind == "organization"
    assert found["Vantrel"].kind == "organization"


def test_a_known_name_keeps_a_first_word_that_names_nothing_alone() -> None:
    found = _by_name(_extract("Ships left New Zealand for New York in March."))
    assert found["New Zealand"].kind == "country"
    assert found["New York"].kind == "place"
    assert "March" not in found


def test_a_date_line_is_no_dateline_place() -> None:
    found = _extract("Monday, 27 June, 2022, 2:02 AM\nThe council met in Oslo.")
    assert "Monday" not in {a.name for a in found}


def test_a_first_initial_is_part_of_the_name() -> None:
    found = _by_name(_extract("Scores on Friday:\nHarwick 244 ( C. Lindqvist 58 , D. Okafor 41 )"))
    assert found["C. Lindqvist"].kind == "person" and "D. Okafor" in found


def test_a_place_before_a_title_and_a_known_place_inside_a_name() -> None:
    found = _by_name(
        _extract(
            "Leeds Bishop Tomas Vance spoke on Monday. Shares on the New York Stock Exchange fell. "
            "Striker Ivo Brandt scored twice. Quellmark CEO Ana Ruiz resigned."
        )
    )
    assert found["Tomas Vance"].kind == "person" and found["Leeds"].kind == "place"
    assert found["New York Stock Exchange"].kind == "organization"
    assert found["Ivo Brandt"].kind == "person"
    assert [r.title for r in found["Ana Ruiz"].roles] == ["Quellmark CEO"]


def test_both_sides_of_a_results_line_are_teams() -> None:
    found = _by_name(_extract("Cup results on Saturday:\nHarwick Thistle 2 Dunmore Park 0"))
    assert found["Harwick Thistle"].kind == "organization" and found["Dunmore Park"].kind == "organization"


def test_hyphenated_titles_and_a_surname_that_is_a_title_abbreviation() -> None:
    found = _by_name(
        _extract(
            "Lieutenant-Colonel Max Orrin said so. Prime Minister Hun Sen agreed. Former Ohio Gov. Tim Reed met them."
        )
    )
    assert [r.title for r in found["Max Orrin"].roles] == ["Lieutenant-Colonel"]
    assert "Hun Sen" in found
    assert "Tim Reed" in found and "Ohio Gov" not in found


def test_a_compass_word_opens_an_organisation_and_and_joins_a_headed_name() -> None:
    names = _all_forms(
        _extract(
            "The Central Harbour District Court heard the case. The order came from the Kestrel Post and "
            "Telecommunications Administration on Monday."
        )
    )
    assert "Central Harbour District Court" in names
    assert "Kestrel Post and Telecommunications Administration" in names


def test_an_abbreviation_in_a_caps_headline_keeps_its_capitals() -> None:
    found = _by_name(_extract("TENNIS - SPAIN , U.S. TEAMS OPEN ON ROAD\nThe U.S. team arrived on Monday."))
    assert found["United States"].kind == "country"
    assert {m.text for m in found["United States"].mentions} == {"U.S."}


def test_organisation_names_joined_at_their_head_keep_later_joins_and_document_words() -> None:
    names = _all_forms(
        _extract(
            "The Organisation for Maritime Safety and Cooperation met the Organisation of Coastal Conference "
            "on Monday. Kestrel Mines of South Africa Ltd said output fell. Analyst Piet Ruud of Harwick "
            "Brothers & Co agreed."
        )
    )
    assert {"Organisation for Maritime Safety and Cooperation", "Organisation of Coastal Conference"} <= names
    assert "Kestrel Mines of South Africa Ltd" in names
    assert {"Piet Ruud", "Harwick Brothers & Co"} <= names


def test_a_name_after_a_lower_case_word_in_a_score_line_is_no_team() -> None:
    found = _by_name(_extract("Harwick innings:\nT. Okafor c Brandt b Lindqvist 33\nR. Vance b Lindqvist 4"))
    assert found["Lindqvist"].kind != "organization"


def test_a_wire_dateline_is_read_and_the_story_after_it_on_its_line_too() -> None:
    found = _by_name(_extract("HARWICK, Utah, March 2 - Quellmark Research Corp said it agreed a merger."))
    assert found["Harwick"].kind == "place" and found["Utah"].kind == "place"
    assert found["Quellmark Research Corp"].kind == "organization"


def test_figures_of_a_company_are_no_dateline_and_no_results_line() -> None:
    found = _extract("Quellmark Corp raises dividend\nShr 16 cts vs 13 cts\nPay April 15\nRecord March 31")
    assert {a.name for a in found} <= {"Quellmark Corp"}


def test_an_organisations_first_word_alone_names_it_in_the_same_article() -> None:
    found = _by_name(_extract("Shares of Vantrel Growth Fund rose. Analysts said Vantrel would expand."))
    assert len(found["Vantrel Growth Fund"].mentions) == 2


def test_an_acronym_spelt_as_a_word_is_the_same_organisation() -> None:
    found = _extract(
        "Ministers of OPEC met on Tuesday to discuss output. Opec's president said the group would hold its "
        "ceiling, and Unicef officials were there. Later Opec said prices were stable."
    )
    by = _by_name(found)
    assert by["OPEC"].kind == "organization"  # "Ministers of OPEC": the office's organisation, not a person
    assert {m.text for m in by["OPEC"].mentions} == {"OPEC", "Opec"}
    assert [a.name for a in found].count("OPEC") == 1
    assert by["UNICEF"].kind == "organization"


def test_a_short_acronym_is_not_read_into_a_word() -> None:
    found = _by_name(_extract("Who said the Ira Glass show would end? Ira Glass did, on Monday."))
    assert "WHO" not in found and "IRA" not in found


def test_a_given_name_of_hyphenated_syllables_stays_with_the_family_name() -> None:
    # East Asian names put the family name first and often join the given name's syllables with a hyphen
    names = _all_forms(
        _extract("Envoy Park Min-ho met Taiwan's Lin Chia-wei and the mayor, Lee Su-bin, on Monday.")
    )
    assert {"Park Min-ho", "Lin Chia-wei", "Lee Su-bin"} <= names
    # a capitalised word with a lower-case tail after a hyphen is otherwise a modifier or a prefix
    names = _all_forms(
        _extract("Anti-war groups met the Greenfield Party-run council. Pro-reform voters left.")
    )
    assert not any("-" in n for n in names)


def test_a_legislators_party_label_is_no_actor() -> None:
    names = _all_forms(_extract("Rep. Tom Varga (R-Fla.) and Sen. Ann Keller, D-N.Y., voted no."))
    assert {"Tom Varga", "Ann Keller"} <= names and not any(n.startswith(("R-", "D-")) for n in names)


def test_first_opens_a_bank_or_company_name_before_an_organisation_head() -> None:
    names = _all_forms(_extract("Analysts at First Trust said rates would rise, as did First Harbour Corp."))
    assert {"First Trust", "First Harbour Corp"} <= names
    assert "First" not in " ".join(_all_forms(_extract("First, the Harbour Union said rates would rise.")))


def test_a_given_name_that_is_also_a_month_or_a_creed_opens_a_persons_name() -> None:
    names = _all_forms(_extract("The envoy, Jan Varga, met Christian Holt and spokesman Per Lund on Monday."))
    assert {"Jan Varga", "Christian Holt", "Per Lund"} <= names
    # not before a word that names no one, nor in a date
    names = _all_forms(_extract("The Christian Democrats met on Jan. 5 and income per head rose."))
    assert not any(n.startswith(("Christian", "Jan")) for n in names)


def test_a_wire_label_opening_a_line_is_no_actor() -> None:
    names = _all_forms(
        _extract("Acme Harbour said profit rose.\nNOTE: Full name of company is Acme Harbour Corp.")
    )
    assert "NOTE" not in names
