def gen():
    try:
        yield 'a'
        yield 'b'
    finally:
        print('cleanup in finally')
g = gen()
print(next(g))
g.close()
print('after close')
g = gen()
print(list(g))
g = gen()
next(g)
print('abandon')
g = None
print('end')
def catcher():
    try:
        yield 1
    except GeneratorExit:
        print('GeneratorExit seen')
        raise
c = catcher()
next(c)
c.close()
print(c.gi_frame)
