import gc
print(gc.get_threshold())
gc.collect()
print(gc.get_count()[1:])
print(gc.isenabled())
