class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)))
for v in Countdown(2):
    print('v', v)
it = iter(range(3))
print(next(it), list(it))
d = {'b': 1, 'a': 2}
print(list(iter(d)), list(d.items()))
import itertools
print(list(itertools.islice(itertools.count(5), 3)), list(itertools.chain('ab', [1])))
print(list(itertools.accumulate([1, 2, 3, 4])))
