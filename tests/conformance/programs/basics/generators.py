def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(4)))
g = count_up(2)
print(next(g), next(g), next(g, 'done'))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def deleg():
    yield 'start'
    yield from count_up(3)
    yield 'end'
print(list(deleg()))
def echo():
    got = yield 'ready'
    while True:
        got = yield f'got {got}'
e = echo()
print(next(e), e.send(1), e.send('x'))
def gen_return():
    yield 1
    return 'result'
gr = gen_return()
next(gr)
try:
    next(gr)
except StopIteration as ex:
    print('StopIteration value:', ex.value)
print(sum(count_up(100)))
