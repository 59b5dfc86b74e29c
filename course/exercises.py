"""The exercises of the lessons: questions, how each answer is worked out from the texts, and feedback.

Answers that come from the texts are computed from them (through :mod:`course.sources`), so a
change in cleaning or splitting cannot leave an answer key silently wrong.
"""

from __future__ import annotations

from course.checks import Exercise
from course.lessons import lessons
from course.sources import load_source

__all__ = ["EXERCISES"]


def _pull_quote_host() -> str:
    opinion = load_source("opinion")
    quote = next(p for p in opinion.paragraphs if p.kind == "pull quote")
    line = quote.raw_lines[0]
    return next(p.id for p in opinion.paragraphs if p.kind == "body" and min(p.raw_lines) < line < max(p.raw_lines))


def _sentences_mentioning(name: str, word: str) -> int:
    return sum(word in sentence.text.lower() for sentence in load_source(name).sentences)


STATUS_CHOICES = {"a": "matches", "b": "close", "c": "differs", "d": "unclear", "e": "not checkable"}


def _status_letter(statistic_id: str) -> str:
    from course.checking import check_statistic

    status = check_statistic(statistic_id).status
    return next(letter for letter, name in STATUS_CHOICES.items() if name == status)


def _statistics(source: str) -> int:
    from course.statistics import statistics_table

    return len(statistics_table(source))


def _attributed(source: str) -> int:
    from course.statistics import statistics_table

    return int((statistics_table(source)["attribution"] != "not stated").sum())


def _border_difference() -> float:
    from course.checking import convert, percent_difference, reference_row

    return percent_difference(convert(2500, "miles", "km"), float(reference_row("geography_and_units.csv", 1)["value"]))


def _iskander_ratio() -> float:
    from course.checking import reference_row

    return float(reference_row("other_figures.csv", 29)["value"]) / float(reference_row("other_figures.csv", 30)["value"])


def _named_direct(source: str) -> int:
    from course.voices import voices_table

    frame = voices_table(source, "named person").frame
    return frame[frame["speech"] == "direct quote"]["speaker"].nunique()


def _direct_quotes(source: str) -> int:
    from course.voices import voices_table

    return int((voices_table(source)["speech"] == "direct quote").sum())


def _evaluative_rate(source: str) -> float:
    from course.markers import marker_rates

    table = marker_rates().frame
    return float(table[(table["category"] == "evaluative") & (table["text"] == source)]["per 1,000 words"].iloc[0])


def _vague_events(source: str) -> int:
    from course.timeline import vague_times

    return len(vague_times(source))


def _most_covered_in_news() -> str:
    from course.then_and_now import topic_coverage

    frame = topic_coverage().frame
    top = frame.sort_values("news sentences", ascending=False, kind="stable").iloc[0]["topic"]
    return {"trade": "a", "joint exercises": "b", "energy": "c"}.get(top, "?")


def _patrols_after(date: str) -> int:
    from course.checking import reference_frame

    return int((reference_frame("bomber_patrols.csv")["date"] > date).sum())


def _unclear_in_news() -> int:
    from course.checking import check_table

    return len(check_table("news", status="unclear"))


EXERCISES: tuple[Exercise, ...] = (
    Exercise(
        id="00.1",
        question="How many lessons does the course map list?",
        kind="number",
        answer=lambda: len(lessons()),
        explanation="The course map lists every lesson, this one included, with its time.",
        hint="Count the rows of the table that show_course_map() printed, including lesson 00.",
    ),
    Exercise(
        id="00.2",
        question="What does Kernel → Restart Kernel and Run All Cells do?",
        kind="choice",
        choices={"a": "it deletes your work", "b": "it starts the lesson again cleanly and runs every cell from the top",
                 "c": "it downloads the notebook"},
        answer=lambda: "b",
        explanation="It forgets everything the cells computed and runs them all again, in order. Your saved answers and "
                    "the notebook file are not touched.",
        hint="Think of it as starting the lesson over, from a clean slate.",
        wrong={"a": "Restarting forgets what the cells computed, not what you saved: your journal and notebook stay.",
               "c": "Downloading is in the File menu, not the Kernel menu."},
    ),
    Exercise(
        id="01.1",
        question="How many reporters does the news report's byline name?",
        kind="number",
        answer=lambda: len(load_source("news").metadata["authors"]),
        explanation="The byline names Brett Forrest (Washington), Ann M. Simmons (Moscow) and Chao Deng (Taipei): "
                    "three reporters in three cities.",
        hint="Look at the byline (paragraph news-p04).",
        wrong={"2": "Look at the byline again: it names people in three cities.",
               "1": "Look at the byline again: it names people in three cities.",
               "4": "Count only the people in the byline (news-p04), not the people quoted in the article."},
    ),
    Exercise(
        id="01.2",
        question="What does the opinion column tell us about when it was published?",
        kind="choice",
        choices={"a": "its full date of publication",
                 "b": "no date of publication; the most recent event it dates is on 'Dec. 9', with no year",
                 "c": "only the year of publication"},
        answer=lambda: "b",
        explanation="The copy has no date line. The most recent event it dates is on 'Dec. 9' (no year); the course "
                    "materials, not the text, say it is from December 2025.",
        hint="Is there a line giving a date and time near the top, as the news report has after its byline?",
        wrong={"a": "Look again: is there a line giving a date near the top, as the news report has after its byline?",
               "c": "Search the column for a year of publication: the years in it are years of events, not of publication."},
    ),
    Exercise(
        id="01.3",
        question="How many sentences of the opinion column mention sanctions?",
        kind="number",
        answer=lambda: _sentences_mentioning("opinion", "sanction"),
        explanation="None. The news report mentions sanctions in several sentences; the opinion column does not "
                    "mention them at all. What a text leaves out is part of reading it.",
        hint="Use search_texts('sanction', source='opinion') and count the hits.",
    ),
    Exercise(
        id="01.4",
        question="Which of these did the cleaning remove from the news report, instead of keeping it and marking it?",
        kind="choice",
        choices={"a": "the photo captions", "b": "the reprint notice", "c": "the correction", "d": "the subheads"},
        answer=lambda: "b",
        explanation="The reprint notice was added around the copy and is not part of the article, so it was removed "
                    "(and logged). Captions, the correction and subheads are part of the published page: they are kept and marked.",
        hint="Removed things are not part of the article at all; look at the cleaning log's 'after' column for empty cells.",
        wrong={"a": "Captions were kept and marked as captions: they are part of the published page.",
               "c": "The correction was kept and marked: it tells us the text was changed.",
               "d": "Subheads were kept and marked: they are part of the published page."},
    ),
    Exercise(
        id="01.5",
        question="A pull quote interrupted a sentence of the opinion column. Give the ID of the paragraph where that sentence was joined again.",
        kind="id",
        answer=_pull_quote_host,
        explanation="In opinion-p07 the sentence '... in an expanding area that includes Asia, Europe, the Middle East, the "
                    "Arctic and Africa. They have also conducted ...' was broken by the pull quote, which is now opinion-p08.",
        hint="Look for 'pull quote' in the cleaning log of 'opinion', or show the whole text and find the pull quote.",
        wrong={"opinion-p08": "opinion-p08 is the pull quote itself; the sentence it interrupted is in the paragraph just before it."},
    ),
    Exercise(
        id="02.1",
        question="How many statistics does the opinion column cite?",
        kind="number",
        answer=lambda: _statistics("opinion"),
        explanation="The table has one row for each figure, date or ranking in the column: money, counts, percentages, "
                    "a multiple, years, dates and rankings. The column is much shorter than the news report, but dense with figures.",
        hint="Run statistics_table(\"opinion\") and read the number of rows under the table.",
    ),
    Exercise(
        id="02.2",
        question="The news report calls the Power of Siberia pipeline 'a 1,865-mile channel'. How long is that in kilometres?",
        kind="number",
        answer=lambda: __import__("course.checking", fromlist=["convert"]).convert(1865, "miles", "km"),
        tolerance=2.0,
        explanation="1,865 miles × 1.609344 km per mile = about 3,001 km. Rounded like this, it is the '3,000 km' "
                    "that other reports give.",
        hint="Use convert(1865, \"miles\", \"km\"), or multiply by 1.609344 (a mile is longer than a kilometre).",
        wrong={"1158.8": "You divided. A mile is longer than a kilometre, so the number of kilometres is bigger: multiply by 1.609344."},
    ),
    Exercise(
        id="02.3",
        question="Why can the news report's 'exceeded $100 billion' not be set straight beside the column's 'roughly $245 billion'?",
        kind="choice",
        choices={"a": "one of them is in roubles",
                 "b": "the first covers the first nine months of 2021, the second the whole of 2024",
                 "c": "the news report is older, so its figure must be out of date"},
        answer=lambda: "b",
        explanation="Both are US dollars, but they cover different periods: nine months of 2021 against twelve months of "
                    "2024. Comparing them as if they were the same kind of figure would exaggerate the growth.",
        hint="Look at the 'Period' line of each statistic with show_statistic.",
        wrong={"a": "Both figures are in US dollars ($). Look at the 'Period' line of each statistic.",
               "c": "A figure is not wrong because it is older: it describes its own period. Look at the periods."},
    ),
    Exercise(
        id="02.4",
        question="'Bilateral trade ... exceeded $100 billion.' What does the hedge 'exceeded' tell you?",
        kind="choice",
        choices={"a": "trade was 100 billion dollars, or a little less",
                 "b": "trade was above 100 billion dollars, but not by how much",
                 "c": "trade was exactly 100 billion dollars"},
        answer=lambda: "b",
        explanation="'Exceeded' (like 'more than') sets a lower limit: the figure is above 100 billion, and the text does "
                    "not say by how much. A check must test that the limit holds.",
        hint="Is 100 billion the figure itself, or a limit the figure passed?",
        wrong={"a": "'Exceeded' means 'went above'. Think of a speed limit that a car exceeded.",
               "c": "If it were exactly 100, the text would not need the word 'exceeded'."},
    ),
    Exercise(
        id="02.5",
        question="How many of the opinion column's statistics does the column attribute to a source (someone it says the figure comes from)?",
        kind="number",
        answer=lambda: _attributed("opinion"),
        explanation="None: every statistic in the column has 'not stated' in its attribution column. The news report names "
                    "a source for some of its figures. A figure without a source is not wrong for that reason, but a reader "
                    "must find the data to check it.",
        hint="Use statistics_table(\"opinion\").count_by(\"attribution\") and look for rows other than 'not stated'.",
    ),
    Exercise(
        id="03.1",
        question="The news report's border is 2,500 miles; the reference gives 4,209.3 km. By what percentage does the text differ "
                 "from the reference? Give one decimal place.",
        kind="number",
        answer=_border_difference,
        tolerance=0.1,
        explanation="2,500 miles = 4,023.36 km. (4,023.36 − 4,209.3) ÷ 4,209.3 × 100 = −4.4%: the text's figure is 4.4% "
                    "below the reference.",
        hint="First convert the miles to km, then use percent_difference(text, reference).",
        wrong={"4.42": "Right size, wrong sign: the text's figure is smaller than the reference, so the difference is negative.",
               "-4": "Nearly: give one decimal place.", "-4.0": "Nearly: give one decimal place."},
    ),
    Exercise(
        id="03.2",
        question="With a difference of −4.4%, what status does the border length get?",
        kind="choice",
        choices=STATUS_CHOICES,
        answer=lambda: _status_letter("news-p11-s01-n1"),
        explanation="4.4% is more than 2% but within 10%: close. A round '2,500 miles' is a fair approximation, not an exact figure.",
        hint="Compare 4.4% with the two limits in show_tolerances(): 2% and 10%.",
    ),
    Exercise(
        id="03.3",
        question="The reference gives 700 Iskander-M missiles made in 2024 and 250 in 2023. How many times as large is 2024's "
                 "figure (2024 ÷ 2023)?",
        kind="number",
        answer=_iskander_ratio,
        tolerance=0.01,
        explanation="700 ÷ 250 = 2.8. 'Triple' would be 3.",
        hint="Divide the 2024 figure by the 2023 figure.",
    ),
    Exercise(
        id="03.4",
        question="The column says Chinese exports helped Russia 'triple' its production of Iskander-M missiles from 2023 to 2024; the reference gives 2.8 times. What status?",
        kind="choice",
        choices=STATUS_CHOICES,
        answer=lambda: _status_letter("opinion-p05-s01-n1"),
        explanation="3 against 2.8 is a difference of +7.1%: within 10% but not 2%, so close.",
        hint="Work out percent_difference(3, 2.8), then compare it with the limits.",
    ),
    Exercise(
        id="03.5",
        question="The news report says trade 'exceeded $100 billion' in January–September 2021, according to official Russian data. A report of a Russian customs statement gives 98.9 billion. What status?",
        kind="choice",
        choices=STATUS_CHOICES,
        answer=lambda: _status_letter("news-p43-s01-n2"),
        explanation="98.9 does not exceed 100, so the hedge fails; but the gap is only 1.1%, within 10%: close. Chinese "
                    "customs reported more than 102.5 billion for the same months: who counts changes the figure.",
        hint="Does 98.9 exceed 100? If not, how far is it?",
        wrong={"a": "For a match the hedge must hold too: does 98.9 exceed 100?"},
    ),
    Exercise(
        id="03.6",
        question="'It reached $123 billion in November, Mr. Putin said.' Which words make this figure unclear?",
        kind="choice",
        choices={"a": "'It reached'", "b": "'in November'", "c": "'Mr. Putin said'"},
        answer=lambda: "b",
        explanation="'In November' can mean the total for January to November (123 billion, as Putin stated) or trade in "
                    "November alone (about 15 billion by Chinese customs). The two readings give opposite verdicts.",
        hint="Which words could describe two different periods?",
        wrong={"a": "Good thinking: 'reached' suggests a running total, which makes one reading much more likely. But "
                    "which words name the period that could be read in two ways?",
               "c": "Who said it matters, but the text tells us clearly: Putin. What is not clear is the period."},
    ),
    Exercise(
        id="03.7",
        question="How many of the news report's statistics get the status 'unclear'?",
        kind="number",
        answer=_unclear_in_news,
        explanation="Each of them depends on a reading the text leaves open: a period, what is counted, or when a vague "
                    "phrase starts. 'Unclear' is a verdict on the wording, not on the facts.",
        hint="Use check_table(\"news\", status=\"unclear\") and read the number of rows.",
    ),
    Exercise(
        id="04.1",
        question="'... according to analysts.' What kind of source is that?",
        kind="choice",
        choices={"a": "a named source", "b": "an unnamed source", "c": "the author's own voice"},
        answer=lambda: "b",
        explanation="'Analysts' are not named, so a reader cannot tell who they are, how many, or how they know. The "
                    "claim is attributed, but to no one a reader can check.",
        hint="Could you look up who 'analysts' are?",
        wrong={"a": "Is anyone named? 'Analysts' is a group, not a name.",
               "c": "The sentence does attribute the claim, so it is not only the author's voice; but to whom?"},
    ),
    Exercise(
        id="04.2",
        question="How many different named people does the news report quote directly: a whole sentence or more in their own words, in quotation marks?",
        kind="number",
        answer=lambda: _named_direct("news"),
        explanation="Five: Michael Kofman, Dmitry Peskov, Andrea Kendall-Taylor, Zhu Feng and Vasily Kashin. Others, such "
                    "as Mr. Putin and Sergei Lavrov, are named but only paraphrased, and Wang Yi and Wei Fenghe get a few quoted words.",
        hint="In the table of named people, look at the 'speech' column: count the different speakers with a 'direct quote'.",
        wrong={"7": "Wang Yi and Wei Fenghe get only a few quoted words inside reported speech: those are partial quotes, not direct quotes.",
               "6": "Check the 'speech' column again: partial quotes (a few quoted words) do not count."},
    ),
    Exercise(
        id="04.3",
        question="How many direct quotes (whole sentences in the speaker's own words) does the opinion column have?",
        kind="number",
        answer=lambda: _direct_quotes("opinion"),
        explanation="None. The column's only quoted words are 'no limits' and 'high-priority items': a few words inside "
                    "its own sentences, partial quotes. An opinion column argues in its author's voice; the news report "
                    "relays many voices, directly and indirectly.",
        hint="Look at the 'speech' counts in the table above: 'direct quote' is a whole sentence or more in someone's own words.",
        wrong={"1": "'no limits' and 'high-priority items' are a few quoted words inside the author's sentences: partial quotes, not direct quotes.",
               "2": "'no limits' and 'high-priority items' are a few quoted words inside the author's sentences: partial quotes, not direct quotes."},
    ),
    Exercise(
        id="04.4",
        question="'Beijing and Moscow view America as their primary enemy' (opinion-p03-s01). Whose view does this sentence give, and on what evidence?",
        kind="choice",
        choices={"a": "Chinese and Russian officials, quoted in the column",
                 "b": "the author's account of the two governments' view, without a quotation or a source",
                 "c": "an unnamed analyst's view"},
        answer=lambda: "b",
        explanation="The author attributes a view to the two governments (so the voices table lists it under "
                    "'institution or government'), but quotes no one and names no source: the attribution rests on the "
                    "author's authority. The news report does the same in places ('Moscow and Beijing also see advantages ...').",
        hint="Is anyone quoted or named in the sentence? Show it with show_sentence(\"opinion-p03-s01\").",
        wrong={"a": "Look for quotation marks or a name: there are none in this sentence.",
               "c": "No analyst is mentioned in this sentence."},
    ),
    Exercise(
        id="05.1",
        question="How many evaluative words per 1,000 words does the opinion column have?",
        kind="number",
        answer=lambda: _evaluative_rate("opinion"),
        tolerance=0.11,
        explanation="Per 1,000 words, the column uses several times as many evaluative words as the news report. "
                    "Counting per 1,000 words makes a short text and a long one comparable.",
        hint="Look at marker_rates(): the row for 'evaluative' and 'opinion', column 'per 1,000 words'.",
    ),
    Exercise(
        id="05.2",
        question="In the news report, where do the first-person words ('we', 'our') appear?",
        kind="choice",
        choices={"a": "in the reporters' own sentences", "b": "inside quotations of the people they quote",
                 "c": "in the headline"},
        answer=lambda: "b",
        explanation="Every 'we' in the news report is inside a quotation (the threat assessment, Dmitry Peskov): the "
                    "reporters never write in the first person. The column has no first person at all.",
        hint="Look at the columns 'in the author's words' and 'in quotations' of marker_rates(), or at "
             "marker_examples(\"first person\", \"news\").",
        wrong={"a": "Check the column 'in the author's words' for first person in the news report.",
               "c": "The counts are of body text only; the headline is not counted."},
    ),
    Exercise(
        id="05.3",
        question="'Russia has likely assisted with the development of China's next generation Type 096 ... submarine.' What does 'likely' do?",
        kind="choice",
        choices={"a": "it states the claim as certain", "b": "it marks the claim as probable, not proven",
                 "c": "it names the source of the claim"},
        answer=lambda: "b",
        explanation="'Likely' is a hedge: the author signals that the claim is an assessment, not an established fact, "
                    "and the sentence names no source for it.",
        hint="Would the sentence say the same without 'likely'?",
        wrong={"a": "Without 'likely' the sentence would state it as certain; what does adding the word change?",
               "c": "No source is named in this sentence."},
    ),
    Exercise(
        id="05.4",
        question="The rules mark every 'about' as a hedge. In which of these is 'about' NOT a hedge?",
        kind="choice",
        choices={"a": "'which now make up about 75% of China's imports'",
                 "b": "'technology too sensitive for him to talk about'"},
        answer=lambda: "b",
        explanation="In 'talk about', 'about' means 'concerning' and softens nothing. A word list cannot tell the two "
                    "apart; a reader can. Counts from word lists are a starting point, to be checked by reading.",
        hint="In which one could you replace 'about' with 'roughly'?",
        wrong={"a": "Replace 'about' with 'roughly': does the sentence still mean the same?"},
    ),
    Exercise(
        id="06.1",
        question="Which of these events came first?",
        kind="choice",
        choices={"a": "China agrees to buy Russia's S-400 system", "b": "the first joint China–Russia bomber patrols",
                 "c": "the Power of Siberia pipeline begins operation"},
        answer=lambda: "a",
        explanation="The S-400 agreement is dated 2014 in the news report; the first joint bomber patrols and the start "
                    "of the pipeline are both 2019.",
        hint="Find each event in timeline_table(\"news\") and compare the dates.",
        wrong={"b": "The news report dates the first joint bomber patrols to 'the following year' after 2018: 2019.",
               "c": "The news report says the pipeline 'began operation in 2019'."},
    ),
    Exercise(
        id="06.2",
        question="'In a conference call Thursday, President Biden warned Mr. Putin ...' Which date is that Thursday?",
        kind="choice",
        choices={"a": "30 December 2021", "b": "6 January 2022", "c": "it cannot be worked out"},
        answer=lambda: "a",
        explanation="The report is dated Sunday, 2 January 2022; the Thursday before was 30 December 2021. The reference "
                    "data date the Biden–Putin call to the same day.",
        hint="The date line says Jan. 2, 2022, a Sunday. Count back to the Thursday before.",
        wrong={"b": "That Thursday comes after the report was written. Count back, not forward.",
               "c": "It can: the report's date line gives the day it was written."},
    ),
    Exercise(
        id="06.3",
        question="The column says bombers flew near Japan and South Korea 'On Dec. 9'. In which year?",
        kind="choice",
        choices={"a": "2025, as the column says",
                 "b": "the column gives no year; the reference data record a joint patrol on 9 December 2025",
                 "c": "2021"},
        answer=lambda: "b",
        explanation="The column has no date line and gives no year. The reference data record a joint China–Russia "
                    "patrol on 9 December 2025, which fits the course materials' date for the column; the text alone "
                    "cannot tell us.",
        hint="Look at the sentence: is there a year? Then look for 12-09 in timeline_table(with_reference=True).",
        wrong={"a": "Read the sentence again: 'On Dec. 9' has no year.",
               "c": "The column mentions events of 2024, so 2021 is unlikely, and the text gives no year at all."},
    ),
    Exercise(
        id="06.4",
        question="How many events in the opinion column does the column leave without a date, or with only a vague one?",
        kind="number",
        answer=lambda: _vague_events("opinion"),
        explanation="These are developments the column describes without dates (agreements, drills, "
                    "leaked documents). A reader who wants to check them must first find out when they happened.",
        hint="Run vague_times(\"opinion\") and count its rows: only events whose precision is 'vague' or 'none'. "
             "'On Dec. 9' has a day but no year, so it is not in that table.",
    ),
    Exercise(
        id="07.1",
        question="How many joint bomber patrols do the reference data record after the news report's date (2 January 2022)?",
        kind="number",
        answer=lambda: _patrols_after("2022-01-02"),
        explanation="Seven, from May 2022 to 9 December 2025: more than the three recorded from 2019 to 2021. The column "
                    "could draw on a longer record than the news report had.",
        hint="Count the steps of the chart after the dashed line, or the rows of its table dated 2022 or later.",
    ),
    Exercise(
        id="07.2",
        question="Which of these topics gets the most sentences in the news report?",
        kind="choice",
        choices={"a": "trade", "b": "joint exercises", "c": "energy"},
        answer=_most_covered_in_news,
        explanation="Joint exercises: the news report returns to them again and again, from the mid-2000s to the drills "
                    "of 2021. The column gives them fewer sentences but adds counts for 2017–2024.",
        hint="Look at the 'news sentences' column of topic_coverage().",
    ),
    Exercise(
        id="07.3",
        question="The news report said Power of Siberia 'is forecast to deliver as much as 1.3 trillion cubic feet' of gas 'by 2025'. How did that turn out?",
        kind="choice",
        choices={"a": "far short: almost no gas was delivered",
                 "b": "not settled yet: read as a yearly rate, it is just below the design rate reached in December 2024, "
                      "but 2024 deliveries fell short of it",
                 "c": "it cannot be checked at all"},
        answer=lambda: "b",
        explanation="1.3 trillion cubic feet is about 36.8 bcm. The pipeline reached its design rate of 38 bcm per year "
                    "on 1 December 2024 but delivered 31.12 bcm in 2024, and the reference data end before 2025's "
                    "deliveries. Read as a total up to 2025, deliveries already passed it (83.74 bcm in 2020–2024): "
                    "lesson 03's 'unclear' again.",
        hint="Run compare_topic(\"energy\") and read 'How it turned out'.",
        wrong={"a": "The reference data record 31.12 bcm delivered in 2024.",
               "c": "It can, if we decide how to read 'by 2025': compare_topic(\"energy\") shows how."},
    ),
    Exercise(
        id="07.4",
        question="In January 2022 analysts expected no formal defense alliance (news-p45-s01). What do the reference data record by December 2025?",
        kind="choice",
        choices={"a": "an alliance treaty", "b": "a joint statement in February 2022, and no alliance treaty",
                 "c": "nothing about the relationship"},
        answer=lambda: "b",
        explanation="The reference data record a joint statement of about 5,300 words (4 February 2022) but no alliance "
                    "treaty. Both texts use the word 'alliance' (the column's headline; the news report's 'full military "
                    "alliance'): ask what each means by it.",
        hint="Run compare_topic(\"alliance\").",
        wrong={"a": "Look at the reference rows of compare_topic(\"alliance\"): is there a treaty?",
               "c": "There is one reference row on the topic: see compare_topic(\"alliance\")."},
    ),
    Exercise(
        id="08.1",
        question="Which of these sentences belongs in a sourced assessment?",
        kind="choice",
        choices={"a": "The column is propaganda.",
                 "b": "The column's '70%' (opinion-p05-s02-n2) names no source, and the reference data have no figure on "
                      "ammonium perchlorate, so it cannot be checked here.",
                 "c": "The reporters are biased."},
        answer=lambda: "b",
        explanation="It names the claim by ID, says what the text gives and what the data hold, and draws only the "
                    "conclusion the evidence allows. Labels for a whole text, whichever text, are not evidence.",
        hint="Which sentence points to evidence a reader can check?",
        wrong={"a": "That labels a whole text without evidence; an assessment judges one claim by its evidence.",
               "c": "That labels the writers without evidence; an assessment judges one claim by its evidence."},
    ),
    Exercise(
        id="08.2",
        question="'Beijing and Moscow view America as their primary enemy.' Which change would let a reader check this claim?",
        kind="choice",
        choices={"a": "add 'clearly'", "b": "attribute the view to a named, checkable source and quote or cite it",
                 "c": "delete 'primary'"},
        answer=lambda: "b",
        explanation="Naming who holds or reports the view, and on what evidence, lets a reader check it. Adding a booster "
                    "only makes it sound surer; deleting one word leaves it unattributed. The news report has claims that "
                    "need the same change: 'according to analysts' names no one a reader can check.",
        hint="Think back to lesson 04: what makes an attribution checkable?",
        wrong={"a": "'Clearly' is a booster (lesson 05): it makes the claim sound surer, not better sourced.",
               "c": "The claim would still rest on the author's authority alone. What would let a reader check it?"},
    ),
)
