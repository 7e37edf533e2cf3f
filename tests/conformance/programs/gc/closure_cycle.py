import gc
gc.collect()
def make():
    def f():
        return f
    return f
f = make()
del f
print(gc.collect())
def make_pair():
    data = {}
    def get():
        return data
    data['fn'] = get
    return get
g = make_pair()
del g
print(gc.collect())
