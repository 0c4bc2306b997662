"""Every sample of the corpus gets exactly its refusals, each naming what was measured."""

from __future__ import annotations

import pytest

from tests.unit.photo.photo_corpus import Sample, corpus
from xueji_photo.checks import check_photo
from xueji_photo.checks.refusal_codes import ALL_CODES


@pytest.mark.parametrize("sample", corpus(), ids=lambda sample: sample.name)
def test_sample_gets_exactly_its_refusals(sample: Sample) -> None:
    verdict = check_photo(sample.data, sample.rule)
    assert verdict.codes == sample.codes
    for (code, text), refusal in zip(sample.shows, verdict.refusals, strict=True):
        assert text in refusal.message, f"{code}: {refusal.message!r} lacks {text!r}"
    assert verdict.accepted == (not sample.codes)
    assert verdict.byte_size == len(sample.data)


def test_the_corpus_covers_every_refusal_code() -> None:
    covered = {code for sample in corpus() for code in sample.codes}
    assert covered == {code.code for code in ALL_CODES}


@pytest.mark.parametrize("rule_id", ["shanghai-272x354", "national-26x32mm"])
def test_valid_portraits_are_accepted_for_each_preset(rule_id: str) -> None:
    valid = [s for s in corpus() if s.rule.rule_id == rule_id and not s.codes]
    assert valid
    for sample in valid:
        verdict = check_photo(sample.data, sample.rule)
        assert verdict.accepted, (sample.name, verdict.refusals)
        assert verdict.format == "JPEG"
        assert verdict.dpi is not None and min(verdict.dpi) >= sample.rule.min_dpi
