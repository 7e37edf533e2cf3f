x = 'module'
def f():
    print('f sees', x)
def g():
    x = 'g local'
    f()
    return x
print(g())
def h(x):
    x = x + '!'
    return x
print(h('arg'), x)
lst = [1]
def mutate(l):
    l.append(2)
    l = [99]
    return l
print(mutate(lst), lst)
