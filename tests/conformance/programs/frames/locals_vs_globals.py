g = 'global value'
def f():
    l = 'local value'
    print('l' in locals(), 'g' in locals(), 'g' in globals(), 'l' in globals())
    return sorted(locals())
print(f())
def g2(a, b=2):
    c = a + b
    return sorted(locals().items())
print(g2(1))
print(sorted(k for k in globals() if not k.startswith('__')))
