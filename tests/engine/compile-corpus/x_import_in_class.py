class A:
    import os
    from sys import path
