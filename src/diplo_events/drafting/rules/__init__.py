"""The rule-based extractor, one private module per stage.

Each stage reads the `Document` and the frozen results of the stages before it
and returns its records and its own frozen result: actors, meetings,
statements, claims (demands and proposals), references.
"""
