"""What every module's API shapes share (the platform's wire conventions)."""

from shouhu.platform.schemas import Camel as Camel
from shouhu.platform.schemas import Input as Input
