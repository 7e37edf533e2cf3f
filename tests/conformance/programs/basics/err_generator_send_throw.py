def echo():
    got = yield "ready"
    while True:
        got = yield got * 2
e = echo()
print(next(e), e.send(3), e.send(5))
def outer():
    r = yield from echo()
    return r
o = outer()
print(next(o), o.send(1))
try:
    o.throw(ValueError("boom"))
except ValueError as err:
    print("caught", err)
print(e.throw(KeyError, "k"))
