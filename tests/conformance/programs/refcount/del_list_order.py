class Item:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del item', self.n)
items = [Item(i) for i in range(5)]
print('list built')
items = None
print('list dropped')
t = tuple(Item(i) for i in range(10, 13))
print('tuple built')
del t
print('tuple dropped')
d = {k: Item(k) for k in (20, 21, 22)}
print('dict built')
del d
print('dict dropped')
