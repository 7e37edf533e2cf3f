# Unbounded recursion through g(*args): the recursion limit stops it (the frames are pushed
# inline, as for g(n + 1)), and the uncaught RecursionError's traceback repeats g's line
def g(n):
    return g(*[n + 1])


print("start")
g(0)
