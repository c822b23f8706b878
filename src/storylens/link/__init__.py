"""Link: group articles into stories; align sentences; derive who copied whom; families.

Contract used by the pipeline:
    group_stories(articles: Sequence[AnnotatedArticle], min_size: int = 2)
        -> tuple[list[Story], list[str]]
    link_story(story: Story) -> LinkedStory

The submodules import their heavy dependencies (onnxruntime, sklearn) only when called.
"""

from storylens.link.linker import link_story
from storylens.link.stories import group_stories

__all__ = ["group_stories", "link_story"]
