# A class is in a reference cycle through its own __mro__: del only makes it garbage for the collector
import gc, sys
gc.collect()
class A: pass
del A
print(gc.collect())
class B: pass
class C(B): pass
del C
print(gc.collect())
print(B.__mro__ is B.__mro__, B.__bases__ is B.__bases__)
class D:
    def f(self): pass
del D
print(gc.collect())
