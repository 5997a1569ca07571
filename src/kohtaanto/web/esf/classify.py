"""A transparent classifier of project descriptions into the seed's methods and target groups.

Two signals, both shown to the user: **keywords** (word stems in Finnish, Swedish and English; each hit
is listed as evidence) and **embedding similarity** between the description and a one-line description
of each label (multilingual-e5-small). A label is chosen when the combined score reaches ``THRESHOLD``;
its confidence is the combined score. A person can override the result; overrides are kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

KEYWORD_WEIGHT, EMBEDDING_WEIGHT, THRESHOLD = 0.65, 0.35, 0.45

METHODS: dict[str, tuple[str, tuple[str, ...]]] = {
    "job_modification": ("Splitting tasks off existing jobs into a new job that fits a person.", (
        "työn muokk", "työnmuokk", "tehtävien muokk", "työtehtävien jak", "muokataan työ", "räätälö",
        "job carving", "job modification", "inclusive redesign", "arbetsanpassning", "skräddarsy")),
    "matching": ("Matching job seekers and employers on skills.", (
        "kohtaanto", "kohtauttam", "osaamisen tunnist", "matching", "matchning", "osaamisperust")),
    "recruitment_support": ("Supporting employers in recruitment and HR.", (
        "rekrytointituk", "rekrytoinnin tuk", "työnantajapalvel", "recruitment support", "rekryteringsstöd",
        "työnantajayhteisty")),
    "hidden_jobs": ("Finding hidden jobs through employer contacts.", (
        "piilotyöpaik", "piilotyö", "hidden job", "dolda jobb", "yrityskontakt", "työnantajakontakt")),
    "work_trial": ("Work trials and practice at workplaces.", (
        "työkokeilu", "työharjoittel", "work trial", "arbetsprövning", "arbetspraktik")),
    "apprenticeship": ("Apprenticeship training while working.", (
        "oppisopimu", "apprenticeship", "läroavtal", "työpaikalla oppi")),
    "plain_onboarding": ("Plain-language instructions and onboarding.", (
        "selkokiel", "selkeä kieli", "perehdytys", "plain language", "lättläst", "klarspråk", "onboarding")),
}  # fmt: skip
TARGET_GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "partial_work_ability": ("People with partial work ability or disabilities.", (
        "osatyökyk", "vammai", "vajaakuntoi", "partial work ability", "disabilit", "partiell arbetsförmåga",
        "funktionsnedsätt", "alentunut työkyky")),
    "immigrants": ("Immigrants and people who moved to Finland.", (
        "maahanmuutt", "maahan muutt", "kotoutu", "immigrant", "invandrar", "migrant")),
    "long_term_unemployed": ("Long-term unemployed people.", (
        "pitkäaikaistyöt", "pitkään työttöm", "long-term unemploy", "långtidsarbetslö")),
    "young": ("Young people.", ("nuor", "young people", "youth", "unga ", "ungdom")),
    "older": ("Older workers, aged 55 and over.", ("ikääntyn", "yli 55", "55+", "older worker", "äldre")),
}  # fmt: skip


@dataclass
class Result:
    methods: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    evidence: dict[str, Any] = field(default_factory=dict)  # label -> {keywords, similarity, confidence}


def _keywords(text: str, stems: tuple[str, ...]) -> list[str]:
    lowered = text.casefold()
    return sorted({stem for stem in stems if re.search(r"(?<!\w)" + re.escape(stem), lowered)})


def classify(text: str, encoder: Any | None = None) -> Result:
    result = Result()
    labels: Mapping[str, tuple[str, tuple[str, ...]]] = {**METHODS, **TARGET_GROUPS}
    similarity: dict[str, float] = {}
    if encoder is not None and text.strip():
        names = list(labels)
        query = encoder.queries([text])[0]
        passages = encoder.passages([labels[n][0] for n in names])
        scores = np.asarray(passages) @ np.asarray(query)
        similarity = {n: float(max(0.0, s)) for n, s in zip(names, scores, strict=True)}
    for name, (_, stems) in labels.items():
        hits = _keywords(text, stems)
        keyword_score = min(1.0, 0.75 + 0.125 * (len(hits) - 1)) if hits else 0.0
        sim = similarity.get(name, 0.0)
        confidence = round(KEYWORD_WEIGHT * keyword_score + EMBEDDING_WEIGHT * sim, 3)
        result.evidence[name] = {"keywords": hits, "similarity": round(sim, 3), "confidence": confidence}
        if confidence >= THRESHOLD:
            (result.methods if name in METHODS else result.target_groups).append(name)
    return result
