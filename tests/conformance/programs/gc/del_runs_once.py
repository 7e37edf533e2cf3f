import gc
class Phoenix:
    saved = None
    def __init__(self):
        self.me = self
    def __del__(self):
        print('__del__ called')
        Phoenix.saved = self
gc.collect()
p = Phoenix()
del p
print('first collect', gc.collect())
print('resurrected:', Phoenix.saved is not None)
Phoenix.saved = None
print('second collect', gc.collect())
print('end')
