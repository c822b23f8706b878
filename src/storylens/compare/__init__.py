"""Compare: LinkedStory -> Findings (entities, claims, quote groups, conflicts, flags).

Contract used by the pipeline:
    compare_story(linked: LinkedStory) -> Findings
"""
