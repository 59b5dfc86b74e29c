"""pytest set-up for the whole project (tests, doctests in course/, and the lessons run by nbval).

Lessons save written answers to a journal. Under test, and in every notebook kernel nbval starts
(which inherits this environment), the journal goes to a throw-away folder, never to the course's
own my-work/ folder.
"""

import os
import tempfile

os.environ["COURSE_WORK"] = tempfile.mkdtemp(prefix="course-work-")
