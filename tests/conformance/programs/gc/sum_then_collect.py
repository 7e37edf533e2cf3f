import gc
print(sum(range(10)), gc.collect() >= 0)
