"""The classroom: self-checks with feedback (``self_checks``, with the exercises in
``exercises.toml`` and their computed ``answers``), the answer widgets (``widgets``), the student's
journal (``journal``) and how to carry it to a new session (``restore``), the evidence sheet
(``assessment``) and the course map (``course_map``)."""
