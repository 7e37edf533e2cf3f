import random
random.seed(42)
print([random.random() for _ in range(3)])
print([random.randint(1, 6) for _ in range(10)])
print(random.randrange(10), random.randrange(5, 50, 5), random.randrange(10, 0, -3), random.getrandbits(8), random.getrandbits(100))
deck = list(range(10))
random.shuffle(deck)
print(deck, random.choice('abcdef'), random.choice([10, 20, 30]))
print(random.sample(range(100), 5), random.sample('abcdefgh', 3), random.sample(range(10**6), 4))
print(random.uniform(1, 2), random.choices('abc', k=5), random.choices('abc', weights=[1, 0, 3], k=6))
print(random.choices(range(4), cum_weights=[1, 2, 3, 10], k=4))
random.seed(0)
a = [random.random() for _ in range(2)]
random.seed(0)
print(a == [random.random() for _ in range(2)])
for seed in [1, 2**40 + 7, -5, 10**30, 3.5, True]:
    random.seed(seed)
    print(seed, random.random(), random.randint(0, 10**20))
r1, r2 = random.Random(7), random.Random(7)
print(r1.random() == r2.random(), r1.randint(1, 100), r2.randint(1, 100), r1.random() == r2.random())
r3 = random.Random(123)
big = list(range(1000))
r3.shuffle(big)
print(big[:10], sum(big))
for bad in [lambda: random.randrange(0), lambda: random.randint(5, 1), lambda: random.choice([]),
            lambda: random.sample([1, 2], 3), lambda: random.randrange(1, 10, 0), lambda: random.sample({1, 2}, 1)]:
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
