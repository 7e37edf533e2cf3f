import gc
x = [1]
y = [x]
print(gc.is_tracked(x), gc.is_tracked(1), gc.is_finalized(x), y in gc.get_referrers(x))
print(gc.get_referents(y) == [x], len(gc.get_count()), gc.get_threshold(), gc.get_debug(), len(gc.get_stats()))
gc.set_threshold(700, 10)
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count(), x in gc.get_objects())
gc.get_objects(5)
