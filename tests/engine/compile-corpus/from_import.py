from os import path
from os.path import join as j, exists
from . import x
from ..a import b
