# Unbounded recursion through a bound method called with *args and **kwargs: CPython 3.12
# calls it through C, a new evaluation loop each level, so its fixed C recursion limit stops
# it (about 750 levels), with the same uncaught RecursionError
class Walker:
    def step(self, n, seen=None):
        return self.step(*(n + 1,), **{"seen": n})


print("start")
Walker().step(0)
