class A(B, C, metaclass=M, **kw):
    pass
