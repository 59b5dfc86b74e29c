"""The analyses: the statistics the texts cite and their checks against the reference data
(``statistics``,
``reference``, ``fact_checks``), who speaks (``voices``), how sure the texts sound (``markers``),
when things happened (``timeline``), what changed between the texts (``then_and_now``), and charts
(``charts``,
``reference_charts``)."""
