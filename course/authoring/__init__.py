"""Authoring, for instructors and maintainers only (the student version leaves this folder out): the
student
and self-study versions (``release``), the static site (``site``), JupyterHub and Binder links
(``links``), the instructor guide (``guide``), the lessons' format (``lesson_format``) and safe
writing of generated folders
(``folders``)."""
