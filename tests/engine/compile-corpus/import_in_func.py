def f():
    import sys
    from os import path
    return sys, path
