"""pytest set-up for the whole project (tests, doctests in course/, and the lessons run by nbval).

Every notebook kernel and helper process started under test inherits this environment, so:

- they import ``course`` from this working copy, not the copy ``pip install -r requirements.txt``
  put in the environment, so that an edit to ``course/`` is tested before it is reinstalled;
- lessons save written answers to a throw-away journal folder, never to the course's own my-work/.
"""

import os
import tempfile
from pathlib import Path

os.environ["PYTHONPATH"] = os.pathsep.join(
    filter(None, [str(Path(__file__).resolve().parent), os.environ.get("PYTHONPATH")])
)
os.environ["COURSE_WORK"] = tempfile.mkdtemp(prefix="course-work-")
