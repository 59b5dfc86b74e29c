"""The text pipeline: the two source texts as received (``seeds/``), cleaned in the open
(``cleaning``), split
into sentences with stable IDs (``sentences``, ``sources``), and shown for reading (``viewers``)."""
