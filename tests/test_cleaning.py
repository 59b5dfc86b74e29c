"""course.text.cleaning: every kind of debris in the two raw texts is handled, and every change is
logged with raw text.
"""

import pytest

from conftest import RAW
from course.text.cleaning import BLOCK_KINDS, RUN_TOGETHER, STEPS, Block, clean

CLEANED = {name: clean(raw) for name, raw in RAW.items()}
NEWS, OPINION = CLEANED["news"], CLEANED["opinion"]


def texts(result):
    return [block.text for block in result.blocks]


def kind_of(result, text):
    [block] = [block for block in result.blocks if block.text == text]
    return block.kind


def paragraph_containing(result, fragment):
    [block] = [block for block in result.blocks if fragment in block.text]
    return block


# --- the cleaning log
# -------------------------------------------------------------------------------


def test_every_logged_before_is_exact_raw_text(name, raw_texts):
    log = CLEANED[name].log
    assert log
    for entry in log:
        assert entry.before, entry
        assert entry.before in raw_texts[name], entry


def test_every_log_entry_points_at_the_raw_line_it_quotes(name, raw_texts):
    lines = raw_texts[name].split("\n")
    for entry in CLEANED[name].log:
        assert 1 <= entry.line <= len(lines)
        assert entry.before.split("\n")[0] in lines[entry.line - 1], entry


def test_every_log_entry_gives_the_reason_of_its_step(name):
    for entry in CLEANED[name].log:
        assert entry.step in STEPS
        assert entry.why == STEPS[entry.step] and entry.why.strip()


def test_log_is_in_raw_line_order(name):
    numbers = [entry.line for entry in CLEANED[name].log]
    assert numbers == sorted(numbers)


def test_removed_blocks_are_logged_with_an_empty_after(name):
    removed_steps = [entry for entry in CLEANED[name].log if entry.after == ""]
    assert sorted(entry.line for entry in removed_steps) == sorted(
        block.lines[0] for block in CLEANED[name].removed
    )


# --- blocks ---------------------------------------------------------------------------------------


def test_every_block_has_a_known_kind(name):
    assert {block.kind for block in CLEANED[name].blocks} <= set(BLOCK_KINDS)
    assert {block.kind for block in CLEANED[name].removed} <= set(STEPS)


def test_every_non_blank_raw_line_ends_up_in_exactly_one_block(name, raw_texts):
    result = CLEANED[name]
    used = [n for block in result.blocks + result.removed for n in block.lines]
    non_blank = [n for n, line in enumerate(raw_texts[name].split("\n"), start=1) if line.strip()]
    assert sorted(used) == non_blank


def test_no_paragraph_is_empty_or_padded(name):
    for block in CLEANED[name].blocks:
        assert block.text and block.text == block.text.strip()
        assert "  " not in block.text and "\n" not in block.text


# --- each kind of debris
# ---------------------------------------------------------------------------


def test_non_breaking_spaces_become_ordinary_spaces(raw_texts):
    assert raw_texts["opinion"].count("\u00a0") == 12  # the debris is there to clean
    for result in CLEANED.values():
        assert not any("\u00a0" in text for text in texts(result))
    logged = [entry for entry in OPINION.log if entry.step == "non-breaking space"]
    assert len(logged) == 12
    assert all("\u00a0" in entry.before and "\u00a0" not in entry.after for entry in logged)
    assert (
        "There are disagreements between the two countries, as there are with all friends."
        in " ".join(texts(OPINION))
    )


def test_escaped_dollar_signs_become_dollar_signs(raw_texts):
    assert "\\$" in raw_texts["news"]
    joined = "\n".join(texts(NEWS))
    assert "\\" not in joined
    for amount in ("$100 billion", "$123 billion", "$55 billion"):
        assert amount in joined
    assert sum(entry.step == "escaped character" for entry in NEWS.log) == raw_texts["news"].count(
        "\\$"
    )


def test_link_placeholders_and_follow_buttons_are_gone():
    for result in CLEANED.values():
        for text in texts(result):
            assert "](#)" not in text and "Follow" not in text and "[Brett" not in text
    assert (
        "The U.S. intelligence community's declassified Worldwide Threat Assessment in 2019"
        in paragraph_containing(NEWS, "Worldwide Threat Assessment").text
    )
    steps = [entry.step for entry in NEWS.log]
    assert steps.count("button text") == 3 and steps.count("link placeholder") == 4


def test_byline_lines_are_joined_into_one_paragraph(metadata):
    byline = [block for block in NEWS.blocks if block.kind == "byline"]
    assert [block.text for block in byline] == [metadata["news"]["byline_as_stated"]]
    assert byline[0].lines == (13, 14, 15)
    assert sum(entry.step == "line break inside a paragraph" for entry in NEWS.log) == 2


@pytest.mark.parametrize(
    "fragment",
    [
        "personal, non-commercial use",
        "djreprints",
        "https://",
        "wsj.com/articles",
        "Copyright ©",
        "Dow Jones",
    ],
)
def test_news_page_furniture_is_removed(fragment, raw_texts):
    assert fragment in raw_texts["news"]
    assert not any(fragment in text for text in texts(NEWS))


def test_news_removed_blocks_are_named():
    assert [block.kind for block in NEWS.removed] == [
        "reprint notice",
        "web address",
        "copyright line",
        "reprint notice",
    ]


def test_blog_footer_is_removed():
    assert [(block.kind, block.text) for block in OPINION.removed] == [
        ("blog footer", "Comments"),
        ("blog footer", "Popular posts from this blog"),
    ]
    assert "Comments" not in texts(OPINION) and "Popular posts from this blog" not in texts(OPINION)
    assert OPINION.blocks[-1].kind == "author note" and OPINION.blocks[-1].text.startswith(
        "Mr. Jones is president"
    )


def test_captions_and_photo_credits_are_marked(raw_texts):
    credits = [block for block in NEWS.blocks if block.text.startswith("PHOTO:")]
    assert len(credits) == raw_texts["news"].count("\nPHOTO:") == 5
    for credit in credits:
        index = NEWS.blocks.index(credit)
        assert credit.kind == "photo credit"
        assert NEWS.blocks[index - 1].kind == "caption"
    assert [block.kind for block in NEWS.blocks].count("caption") == 5
    assert (
        kind_of(NEWS, "China and Russia held joint naval exercises in the Sea of Japan this fall.")
        == "caption"
    )


def test_subheads_are_marked():
    assert kind_of(NEWS, "Double team") == "subhead"
    assert kind_of(NEWS, "'Fundamental leverage'") == "subhead"
    assert [block.text for block in NEWS.blocks if block.kind == "subhead"] == [
        "Double team",
        "'Fundamental leverage'",
    ]
    assert not [block for block in OPINION.blocks if block.kind == "subhead"]


def test_news_opening_and_closing_blocks_are_marked(metadata):
    meta = metadata["news"]
    kinds = {block.kind: block.text for block in NEWS.blocks if block.kind != "body"}
    assert kinds["section label"] == meta["section"]
    assert kinds["headline"] == meta["headline"]
    assert kinds["standfirst"] == meta["standfirst"]
    assert kinds["date line"] == meta["date_as_stated"]
    assert kinds["correction heading"] == "Corrections & Amplifications"
    assert kinds["correction"] == meta["correction_as_stated"]
    assert kinds["print edition note"] == meta["print_edition_as_stated"]
    assert kinds["author contact"].startswith("Write to Brett Forrest at brett.forrest@wsj.com")
    assert [block.kind for block in NEWS.blocks][:5] == [
        "section label",
        "headline",
        "standfirst",
        "byline",
        "date line",
    ]


def test_correction_follows_its_heading():
    kinds = [block.kind for block in NEWS.blocks]
    assert kinds.count("correction") == 1
    assert kinds[kinds.index("correction heading") + 1] == "correction"
    assert any(
        entry.step == "correction" and "Ningxia is a region" in entry.before for entry in NEWS.log
    )


def test_opinion_opening_is_its_headline(metadata):
    assert OPINION.blocks[0] == Block("headline", metadata["opinion"]["headline"], (1,))
    assert not [
        block
        for block in OPINION.blocks
        if block.kind in ("byline", "date line", "standfirst", "section label")
    ]


def test_pull_quote_is_set_aside_and_the_interrupted_sentence_rejoined():
    quote = (
        "Xi and Putin have their differences, but they are united in their desire to weaken "
        "America."
    )
    pulled = [block for block in OPINION.blocks if block.kind == "pull quote"]
    assert [block.text for block in pulled] == [quote]
    host = paragraph_containing(OPINION, "in an expanding area that includes Asia")
    assert (
        "includes Asia, Europe, the Middle East, the Arctic and Africa. They have also conducted "
        "numerous "
        "training missions"
    ) in host.text
    assert quote not in host.text
    assert host.kind == "body" and host.lines == (13, 15, 19)
    # shown right after the paragraph it interrupted
    assert OPINION.blocks[OPINION.blocks.index(host) + 1] is pulled[0]
    assert any(entry.step == "pull quote" and entry.line == 17 for entry in OPINION.log)


def test_news_paragraph_broken_mid_sentence_is_rejoined():
    joined = paragraph_containing(NEWS, "Vietnam and South Korea.")
    assert joined.text == (
        "Moscow maintains relations with Chinese rivals Vietnam and South Korea. Russia is a "
        "major arms "
        "supplier to India, a longtime Beijing rival that also bought the S-400 anti-aircraft "
        "system."
    )
    assert joined.lines == (121, 123)
    [entry] = [entry for entry in NEWS.log if entry.step == "broken paragraph"]
    assert "South Korea. Russia\n\nis a major" in entry.before
    assert "South Korea. Russia is a major" in entry.after


def test_no_body_paragraph_starts_in_the_middle_of_a_sentence(name):
    for block in CLEANED[name].blocks:
        assert not block.text[:1].islower(), block


def test_words_run_together_are_separated():
    assert RUN_TOGETHER == {"highpriority": "high-priority"}
    assert not any("highpriority" in text for text in texts(OPINION))
    assert "“high-priority items,”" in paragraph_containing(OPINION, "high-priority").text
    [entry] = [entry for entry in OPINION.log if entry.step == "words run together"]
    assert "highpriority" in entry.before and "high-priority" in entry.after


# --- small made-up texts
# ---------------------------------------------------------------------------


def test_empty_text_gives_nothing():
    for raw in ("", "\n\n\n", "  \n\u00a0\n"):
        result = clean(raw)
        assert result.blocks == () and result.removed == () and result.log == ()


def test_a_text_of_only_a_headline():
    result = clean("Only a headline\n")
    assert result.blocks == (Block("headline", "Only a headline", (1,)),)
    assert [(entry.step, entry.before) for entry in result.log] == [("headline", "Only a headline")]


def test_a_text_without_a_final_newline_whose_last_block_is_body():
    result = clean("Headline\n\nBody.")
    assert [(block.kind, block.text) for block in result.blocks] == [
        ("headline", "Headline"),
        ("body", "Body."),
    ]


@pytest.mark.parametrize(
    "raw",
    [
        "Only a headline",
        "Headline\n\nBody.\n\nWrite to A at a@example.com",
        "Headline\n\nBody.\n\nThis copy is for your personal, non-commercial use only.\nOrder "
        "reprints.",
    ],
)
def test_a_text_without_a_final_newline_is_cleaned_like_one_with_it(raw):
    assert clean(raw).blocks == clean(raw + "\n").blocks


def test_windows_line_endings_give_the_same_paragraphs():
    raw = "Headline\n\nIt cost \\$5 and\nmore.\n\nSecond paragraph.\n"
    assert clean(raw.replace("\n", "\r\n")).blocks == clean(raw).blocks


def test_inline_debris_in_a_made_up_text():
    raw = (
        "Headline\n\nBy [Ann Lee](#) [Follow](#) in Paris\n\nIt cost \\$5 and\u00a0 "
        "highpriority goods.\n"
    )
    result = clean(raw)
    assert [(block.kind, block.text) for block in result.blocks] == [
        ("headline", "Headline"),
        ("byline", "By Ann Lee in Paris"),
        ("body", "It cost $5 and high-priority goods."),
    ]
    steps = {entry.step for entry in result.log}
    assert {
        "link placeholder",
        "button text",
        "escaped character",
        "non-breaking space",
        "words run together",
    } <= steps
    assert all(entry.before in raw for entry in result.log)


def test_a_made_up_pull_quote_is_set_aside():
    raw = (
        "Headline\n\nThe talks covered trade and\n\nA pulled quote in large type.\n\n"
        "security, officials said.\n\nNext paragraph.\n"
    )
    result = clean(raw)
    assert [(block.kind, block.text) for block in result.blocks] == [
        ("headline", "Headline"),
        ("body", "The talks covered trade and security, officials said."),
        ("pull quote", "A pulled quote in large type."),
        ("body", "Next paragraph."),
    ]
    assert [entry.step for entry in result.log].count("pull quote") == 1
    assert all(entry.before in raw for entry in result.log)


def test_a_made_up_broken_paragraph_is_joined():
    result = clean("Headline\n\nThe start of a sentence\n\ncontinues here.\n")
    assert [block.text for block in result.blocks] == [
        "Headline",
        "The start of a sentence continues here.",
    ]
    assert result.blocks[1].lines == (3, 5)


def test_blog_footer_words_are_kept_when_not_at_the_end():
    result = clean("Headline\n\nBody.\n\nComments\n\nMore body.\n")
    assert "Comments" in texts(result) and result.removed == ()


def test_a_body_paragraph_starting_with_by_is_body():
    result = clean(
        "Headline\n\nFirst paragraph.\n\nBy 2030, trade will double.\n\nLast paragraph.\n"
    )
    assert [block.kind for block in result.blocks] == ["headline", "body", "body", "body"]


def test_a_photo_credit_without_a_caption_does_not_turn_the_headline_into_a_caption():
    result = clean("Headline\n\nPHOTO: A. PHOTOGRAPHER/REUTERS\n\nBody.\n")
    assert result.blocks[0].kind == "headline"


def test_a_line_of_only_a_button_leaves_no_empty_paragraph():
    result = clean("Headline\n\n[Follow](#)\n\nBody.\n")
    assert all(block.text for block in result.blocks)
