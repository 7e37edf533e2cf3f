# modules imported by names the program builds at run time
wr = __import__("weak" + "ref")
class Node:
    pass
n = Node()
r = wr.ref(n)
print(r() is n)
del n
print(r())
mods = [__import__(name) for name in ("coll" + "ections", "func" + "tools")]
print([m.__name__ for m in mods])
print(mods[0].Counter("abca").most_common(1), mods[1].reduce(lambda a, b: a * b, range(1, 6)))
