# Every name in builtins, as CPython 3.12 has them (site.py's exit, quit, copyright, credits, license too)
import builtins

print(sorted(dir(builtins)))
print(memoryview, type(memoryview), memoryview.__name__, isinstance(memoryview, type))
