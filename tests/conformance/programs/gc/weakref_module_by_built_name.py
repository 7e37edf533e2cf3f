w = __import__("weak" + "ref")
class A: pass
a = A()
r = w.ref(a)
print(r() is a)
del a
print(r())
