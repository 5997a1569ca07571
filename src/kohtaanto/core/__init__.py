"""The shared kernel: what every domain package and the web shell mean by the same words.

Framework-free and strictly typed. It holds the languages and the one fallback policy
(:mod:`.language`), the words someone wrote in the language they wrote them (:mod:`.text`), the loader
for every ``messages.yaml`` (:mod:`.messages`), number, money and date formatting per language
(:mod:`.formatting`) and the shared vocabulary types: levels, exposure, days, CEFR
(:mod:`.vocabulary`). Nothing here imports another ``kohtaanto`` package.
"""

from kohtaanto.core.language import FALLBACK, LANGUAGES, Language, pick, resolve

__all__ = ["FALLBACK", "LANGUAGES", "Language", "pick", "resolve"]
