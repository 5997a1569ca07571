"""Rules as code: dated legal parameters and the formulas that use them.

Every legal number is a :class:`Parameter` read from a YAML file with its unit, its source
and the dates its values take effect. Formulas receive the date they are evaluated on;
nothing here reads the clock.
"""

from kohtaanto.rules.parameters import (
    DatedValue,
    Parameter,
    ParameterError,
    ParameterSet,
    load_parameter_file,
    load_parameters,
)

__all__ = [
    "DatedValue",
    "Parameter",
    "ParameterError",
    "ParameterSet",
    "load_parameter_file",
    "load_parameters",
]
