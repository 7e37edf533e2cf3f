class B(A, metaclass=M):
    y = 2
