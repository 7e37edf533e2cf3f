import gc
events = []
def cb(phase, info):
    events.append((phase, info['generation']))
gc.collect()
gc.callbacks.append(cb)
x = []
x.append(x)
del x
n = gc.collect()
gc.callbacks.remove(cb)
print(n, events)
