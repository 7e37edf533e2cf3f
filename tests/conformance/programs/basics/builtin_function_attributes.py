# What a builtin function or method says about itself
import gc
print(len.__name__, len.__qualname__, len.__module__, len.__self__)
print(gc.collect.__name__, gc.collect.__module__, gc.collect.__self__.__name__)
m = [].append
print(m.__name__, m.__qualname__, m.__module__, type(m.__self__).__name__)
print("abc".upper.__qualname__, dict.fromkeys.__qualname__, dict.fromkeys.__self__, int.from_bytes.__qualname__)
print((1).bit_length.__self__, repr(len), getattr(max, '__name__'))
for f in (len, print, sorted, "x".join, {}.get, sum):
    print(f.__name__, f.__qualname__, f.__module__)
