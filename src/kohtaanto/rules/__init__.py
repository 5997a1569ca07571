"""Rules as code: dated legal parameters and the formulas that answer four questions.

1. hire: which supports apply to a hire (palkkatuki, 55+, work arrangements, apprenticeship, de minimis);
2. part_time: how earnings change the unemployment benefit;
3. pension: how much a disability pensioner may earn;
4. right_to_work: what a residence-permit situation allows.

Every legal number is a :class:`Parameter` read from a YAML file with its unit, its source and the
dates its values take effect. Formulas receive the date they are evaluated on; nothing here reads the clock.
"""

from kohtaanto.rules.answers import Answer, Support
from kohtaanto.rules.dated import Dated, RulesNotInForce
from kohtaanto.rules.engine import QUESTIONS, InputError, RulesEngine, build_engine, national_parameters
from kohtaanto.rules.parameters import (
    DatedValue,
    Parameter,
    ParameterError,
    ParameterSet,
    load_parameter_file,
    load_parameters,
)
from kohtaanto.rules.parttime import GENERAL_SUPPORT_FROM

__all__ = [
    "GENERAL_SUPPORT_FROM",
    "QUESTIONS",
    "Answer",
    "Dated",
    "DatedValue",
    "InputError",
    "Parameter",
    "ParameterError",
    "ParameterSet",
    "RulesEngine",
    "RulesNotInForce",
    "Support",
    "build_engine",
    "load_parameter_file",
    "load_parameters",
    "national_parameters",
]
